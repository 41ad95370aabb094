package io.booking.query.deadletter;

import io.booking.query.support.QuerySideTest;
import io.booking.shared.booking.BookingCancelled;
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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An event the bookings projection cannot store (an attendee name holding NUL, which PostgreSQL refuses in text; the
 * API no longer accepts one, but the store may hold it) is parked with the later events of its booking, while the
 * bookings around it, before and after, reach the read models; an admin sees it, retries it and evicts it.
 */
// a context (and database) of its own: the parked event would show in the shared context's health
@TestPropertySource(properties = "booking.test.context=poison-event")
class PoisonEventTest extends QuerySideTest {

    @Test
    void aPoisonEventParksOnlyItsOwnBookingAndTheRestStaysFresh() throws Exception {
        OccurrenceScheduled event = occurrence(
                newId(),
                "Poisoned",
                NOW.plus(Duration.ofDays(2)),
                NOW.plus(Duration.ofDays(3)),
                new BookingPolicy(true, true, 1),
                ticketType("t", "Standard", "1.00", 9));
        store.append(event);
        String before = newId();
        store.append(store.booking(before, store.newSubject(before), event, "GOOD-0001", NOW, "Ada"), 8);
        String victim = newId();
        TicketsBooked poison =
                store.booking(victim, store.newSubject(victim), event, "NUL-0001", NOW, "Evil\u0000Name");
        store.append(poison, 7);
        store.append(
                "Booking",
                poison.bookingId(),
                new BookingCancelled(poison.bookingId(), event.occurrenceId(), "t", 1, "customer", null, NOW));
        String after = newId();
        long last = store.append(store.booking(after, store.newSubject(after), event, "GOOD-0002", NOW, "Bo"), 6);

        for (String customer : new String[] {before, after}) {
            mvc.perform(get("/api/my/upcoming")
                            .header("Authorization", tokens.customer(customer))
                            .header("X-Consistency-Token", last))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.items", hasSize(1)));
        }
        String admin = tokens.admin(newId());
        // UP once the processor that failed the batch is seen caught up again, parked events or not
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> mvc.perform(get("/actuator/health").header("Authorization", admin))
                        .andExpect(status().isOk())
                        .andExpect(
                                jsonPath("$.components.eventProcessors.status").value("UP"))
                        .andExpect(jsonPath("$.components.eventProcessors.details.bookings.parked")
                                .value(2))
                        .andExpect(jsonPath("$.components.eventProcessors.details.events.parked")
                                .value(0)));
        mvc.perform(get("/actuator/metrics/booking.processor.parked")
                        .param("tag", "processor:bookings")
                        .header("Authorization", admin))
                .andExpect(jsonPath("$.measurements[0].value").value(2.0));
        mvc.perform(get("/api/admin/dead-letters").header("Authorization", admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].processor").value("bookings"))
                .andExpect(jsonPath("$[0].sequence").value(poison.bookingId()))
                .andExpect(jsonPath("$[0].events[0].eventType").value("TicketsBooked"))
                .andExpect(jsonPath("$[0].events[0].cause", containsString("SQLState 22")))
                .andExpect(jsonPath("$[0].events[0].cause", not(containsString("Evil"))))
                .andExpect(jsonPath("$[0].events[1].eventType").value("BookingCancelled"));
        mvc.perform(get("/api/my/upcoming").header("Authorization", tokens.customer(victim)))
                .andExpect(jsonPath("$.items", hasSize(0)));

        // the cause is not mended: a retry parks them again
        mvc.perform(post("/api/admin/dead-letters/bookings/{sequence}/retry", poison.bookingId())
                        .header("Authorization", admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)));
        mvc.perform(delete("/api/admin/dead-letters/bookings/{sequence}", poison.bookingId())
                        .header("Authorization", admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.evictedEvents").value(2));
        mvc.perform(get("/api/admin/dead-letters").header("Authorization", admin))
                .andExpect(jsonPath("$", hasSize(0)));
        mvc.perform(delete("/api/admin/dead-letters/bookings/{sequence}", poison.bookingId())
                        .header("Authorization", admin))
                .andExpect(status().isNotFound());
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> mvc.perform(get("/actuator/health").header("Authorization", admin))
                        .andExpect(jsonPath("$.components.eventProcessors.details.bookings.parked")
                                .value(0)));
    }
}
