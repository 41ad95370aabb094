package io.booking.query.web;

import io.booking.query.support.QuerySideTest;
import io.booking.shared.occurrence.BookingPolicy;
import io.booking.shared.occurrence.OccurrenceScheduled;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.booking.query.support.CommandSideEvents.newId;
import static io.booking.query.support.CommandSideEvents.occurrence;
import static io.booking.query.support.CommandSideEvents.ticketType;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A portal polling an event's page gets 304 while nothing changed, and the new page once something did. */
class ConditionalReadsTest extends QuerySideTest {

    @Test
    void aPollIsAnswered304UntilTheEventChanges() throws Exception {
        OccurrenceScheduled event = occurrence(
                newId(),
                "Polled",
                NOW.plus(Duration.ofDays(3)),
                NOW.plus(Duration.ofDays(4)),
                new BookingPolicy(true, true, 1),
                ticketType("t", "Standard", "5.00", 10));
        long scheduled = store.append(event);
        String etag = mvc.perform(
                        get("/api/events/{eventId}", event.occurrenceId()).header("X-Consistency-Token", scheduled))
                .andExpect(status().isOk())
                .andExpect(header().exists("ETag"))
                .andReturn()
                .getResponse()
                .getHeader("ETag");

        mvc.perform(get("/api/events/{eventId}", event.occurrenceId()).header("If-None-Match", etag))
                .andExpect(status().isNotModified())
                .andExpect(content().string(""));

        String customer = newId();
        long booked = store.append(store.booking(customer, store.newSubject(customer), event, "POLL-1", NOW, "Ada"), 9);
        mvc.perform(get("/api/events/{eventId}", event.occurrenceId())
                        .header("If-None-Match", etag)
                        .header("X-Consistency-Token", booked))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", org.hamcrest.Matchers.not(etag)));
    }
}
