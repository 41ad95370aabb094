package io.booking.query.listing;

import io.booking.query.support.QuerySideTest;
import io.booking.shared.occurrence.BookingPolicy;
import io.booking.shared.occurrence.OccurrenceScheduled;
import io.booking.shared.occurrence.SeatsReserved;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.time.Duration;

import static io.booking.query.support.CommandSideEvents.newId;
import static io.booking.query.support.CommandSideEvents.occurrence;
import static io.booking.query.support.CommandSideEvents.ticketType;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ListingTest extends QuerySideTest {

    @Test
    void anyoneSeesScheduledEventsWithTheSeatsLeftAfterBookings() throws Exception {
        String eventId = newId();
        OccurrenceScheduled concert = occurrence(
                eventId,
                "Jazz night",
                NOW.plus(Duration.ofDays(7)),
                NOW.plus(Duration.ofDays(7)).plus(Duration.ofHours(3)),
                new BookingPolicy(true, true, 48),
                ticketType("standard", "Standard", "25.00", 100),
                ticketType("vip", "VIP", "80.50", 10));
        store.append(concert);
        long position = store.append(new SeatsReserved(eventId, "vip", newId(), 3, 7));

        mvc.perform(get("/api/events/{id}", eventId).header("X-Consistency-Token", position))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("Jazz night"))
                .andExpect(jsonPath("$.startsAt").value("2030-03-08T09:00:00Z"))
                .andExpect(jsonPath("$.status").value("SCHEDULED"))
                .andExpect(jsonPath("$.organiser.name").value("Riverside Arts"))
                .andExpect(jsonPath("$.policy.cancellationCutoffHours").value(48))
                .andExpect(jsonPath("$.ticketTypes[*].ticketTypeId").value(contains("standard", "vip")))
                .andExpect(jsonPath("$.ticketTypes[0].seatsLeft").value(100))
                .andExpect(jsonPath("$.ticketTypes[1].price").value("80.50"))
                .andExpect(jsonPath("$.currency").value("EUR"))
                .andExpect(jsonPath("$.ticketTypes[1].capacity").value(10))
                .andExpect(jsonPath("$.ticketTypes[1].seatsLeft").value(7));

        mvc.perform(get("/api/events").param("size", "100"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(100))
                .andExpect(jsonPath("$.totalItems").value(greaterThanOrEqualTo(1)))
                .andExpect(jsonPath("$.items[?(@.eventId == '%s')].ticketTypes[1].seatsLeft", eventId)
                        .value(7));
    }

    @Test
    void theListingIsOrderedByStartAndPaged() throws Exception {
        String later = newId();
        String sooner = newId();
        // far before every other test's events, so these two are the first page
        store.append(occurrence(
                later,
                "Later",
                NOW.minus(Duration.ofDays(300)),
                NOW.minus(Duration.ofDays(299)),
                new BookingPolicy(false, false, 0),
                ticketType("t", "Standard", "5.00", 5)));
        long position = store.append(occurrence(
                sooner,
                "Sooner",
                NOW.minus(Duration.ofDays(400)),
                NOW.minus(Duration.ofDays(399)),
                new BookingPolicy(false, false, 0),
                ticketType("t", "Standard", "5.00", 5)));

        clock.set(NOW.minus(Duration.ofDays(500)));

        mvc.perform(get("/api/events")
                        .param("page", "0")
                        .param("size", "2")
                        .param("consistencyToken", String.valueOf(position)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].eventId").value(contains(sooner, later)))
                .andExpect(jsonPath("$.size").value(2))
                .andExpect(jsonPath("$.totalPages").value(greaterThanOrEqualTo(1)));
    }

    @Test
    void anEventThatHasEndedLeavesTheListingButKeepsItsPage() throws Exception {
        String eventId = newId();
        long position = store.append(occurrence(
                eventId,
                "Yesterday's gig",
                NOW.minus(Duration.ofDays(1)),
                NOW.minus(Duration.ofDays(1)).plus(Duration.ofHours(2)),
                new BookingPolicy(false, false, 0),
                ticketType("t", "Standard", "5.00", 5)));

        mvc.perform(get("/api/events").param("size", "100").param("consistencyToken", String.valueOf(position)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.eventId == '%s')]", eventId).isEmpty());
        mvc.perform(get("/api/events/{id}", eventId))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("Yesterday's gig"))
                .andExpect(jsonPath("$.status").value("ENDED"));
    }

    @Test
    void anUnknownEventIsNotFound() throws Exception {
        mvc.perform(get("/api/events/{id}", "no-such-event"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404));
    }
}
