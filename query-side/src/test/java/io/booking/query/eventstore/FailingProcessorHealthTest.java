package io.booking.query.eventstore;

import io.booking.query.support.QuerySideTest;
import io.booking.shared.booking.TicketsBooked;
import io.booking.shared.occurrence.BookingPolicy;
import io.booking.shared.occurrence.OccurrenceScheduled;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;

import static io.booking.query.support.CommandSideEvents.newId;
import static io.booking.query.support.CommandSideEvents.occurrence;
import static io.booking.query.support.CommandSideEvents.ticketType;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An event the bookings projection cannot store (an attendee name holding NUL, which PostgreSQL refuses in text; the
 * API no longer accepts one, but the store may hold it) stops that projection: health must say so.
 */
// a context (and database) of its own: the event stays in its store and would stop the shared context's projection
@TestPropertySource(properties = "booking.test.context=failing-processor")
class FailingProcessorHealthTest extends QuerySideTest {

    @Test
    void aProcessorThatKeepsFailingABatchMakesHealthDown() throws Exception {
        OccurrenceScheduled event = occurrence(newId(), "Poisoned", NOW.plus(Duration.ofDays(2)),
                NOW.plus(Duration.ofDays(3)), new BookingPolicy(true, true, 1), ticketType("t", "Standard", "1.00", 5));
        store.append(event);
        String customer = newId();
        TicketsBooked poison = store.booking(customer, store.newSubject(customer), event, "NUL-0001", NOW, "Evil\u0000Name");
        store.append(poison, 4);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> mvc.perform(get("/actuator/health")
                        .header("Authorization", tokens.admin(newId())))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.components.eventProcessors.status").value("DOWN"))
                .andExpect(jsonPath("$.components.eventProcessors.details.bookings.error").value(true))
                .andExpect(jsonPath("$.components.eventProcessors.details.bookings.lastFailedBatchAt").exists())
                .andExpect(jsonPath("$.components.eventProcessors.details.waiting-lists.error").value(false)));
    }
}
