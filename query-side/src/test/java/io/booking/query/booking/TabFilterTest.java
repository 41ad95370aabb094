package io.booking.query.booking;

import io.booking.query.support.QuerySideTest;
import io.booking.shared.occurrence.BookingPolicy;
import io.booking.shared.occurrence.OccurrenceScheduled;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.booking.query.support.CommandSideEvents.newId;
import static io.booking.query.support.CommandSideEvents.occurrence;
import static io.booking.query.support.CommandSideEvents.ticketType;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class TabFilterTest extends QuerySideTest {

    @Test
    void aTabIsNarrowedByTitleLocationReferenceAttendeeAndStartDate() throws Exception {
        String customer = newId();
        byte[] key = store.newSubject(customer);
        OccurrenceScheduled pottery = occurrence(
                newId(),
                "Evening Pottery",
                NOW.plus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(1)).plus(Duration.ofHours(2)),
                new BookingPolicy(true, true, 1),
                ticketType("std", "Standard", "20.00", 10));
        OccurrenceScheduled yoga = occurrence(
                newId(),
                "Sunrise Yoga",
                NOW.plus(Duration.ofDays(10)),
                NOW.plus(Duration.ofDays(10)).plus(Duration.ofHours(1)),
                new BookingPolicy(true, true, 1),
                ticketType("std", "Standard", "10.00", 10));
        store.append(pottery);
        store.append(yoga);
        store.append(store.booking(customer, key, pottery, "FLT-POTS", NOW, "Ada Lovelace"), 9);
        long position = store.append(store.booking(customer, key, yoga, "FLT-YOGA", NOW, "Charles Babbage"), 9);

        mvc.perform(get("/api/my/upcoming")
                        .param("q", "POTTERY")
                        .header("Authorization", tokens.customer(customer))
                        .header("X-Consistency-Token", position))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].reference").value(contains("FLT-POTS")));
        mvc.perform(get("/api/my/upcoming").param("q", "babbage").header("Authorization", tokens.customer(customer)))
                .andExpect(jsonPath("$.items[*].reference").value(contains("FLT-YOGA")));
        mvc.perform(get("/api/my/upcoming").param("q", "flt-yoga").header("Authorization", tokens.customer(customer)))
                .andExpect(jsonPath("$.items[*].reference").value(contains("FLT-YOGA")));
        mvc.perform(get("/api/my/upcoming").param("q", "%").header("Authorization", tokens.customer(customer)))
                .andExpect(jsonPath("$.totalItems").value(0));
        mvc.perform(get("/api/my/upcoming")
                        .param("from", NOW.plus(Duration.ofDays(5)).toString())
                        .header("Authorization", tokens.customer(customer)))
                .andExpect(jsonPath("$.items[*].reference").value(contains("FLT-YOGA")));
        mvc.perform(get("/api/my/upcoming")
                        .param("to", NOW.plus(Duration.ofDays(5)).toString())
                        .header("Authorization", tokens.customer(customer)))
                .andExpect(jsonPath("$.items[*].reference").value(contains("FLT-POTS")));
        mvc.perform(get("/api/my/upcoming")
                        .param("from", "next week")
                        .header("Authorization", tokens.customer(customer)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aTabAndTheListingAreNarrowedByCategoryAndDetailsOfferToBookAgain() throws Exception {
        String customer = newId();
        byte[] key = store.newSubject(customer);
        OccurrenceScheduled monday = withCategory(
                occurrence(
                        newId(),
                        "Clay Basics",
                        NOW.plus(Duration.ofDays(1)),
                        NOW.plus(Duration.ofDays(1)).plus(Duration.ofHours(2)),
                        new BookingPolicy(true, true, 1),
                        ticketType("std", "Standard", "20.00", 1)),
                "Workshops");
        OccurrenceScheduled friday = withCategory(
                occurrence(
                        newId(),
                        "Clay Basics",
                        NOW.plus(Duration.ofDays(5)),
                        NOW.plus(Duration.ofDays(5)).plus(Duration.ofHours(2)),
                        new BookingPolicy(true, true, 1),
                        ticketType("std", "Standard", "20.00", 10)),
                "Workshops");
        OccurrenceScheduled talk = withCategory(
                occurrence(
                        newId(),
                        "Clay History",
                        NOW.plus(Duration.ofDays(2)),
                        NOW.plus(Duration.ofDays(2)).plus(Duration.ofHours(1)),
                        new BookingPolicy(true, true, 1),
                        ticketType("std", "Standard", "5.00", 10)),
                "Talks");
        store.append(monday);
        store.append(friday);
        store.append(talk);
        // Monday's only seat goes to this booking: "book again" points to Friday, the next date with a seat
        store.append(store.booking(customer, key, monday, "CAT-MOND", NOW, "Ada Lovelace"), 0);
        long position = store.append(store.booking(customer, key, talk, "CAT-TALK", NOW, "Ada Lovelace"), 9);

        mvc.perform(get("/api/my/upcoming")
                        .param("category", "workshops")
                        .header("Authorization", tokens.customer(customer))
                        .header("X-Consistency-Token", position))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].reference").value(contains("CAT-MOND")))
                .andExpect(jsonPath("$.items[0].event.category").value("Workshops"));
        mvc.perform(get("/api/events").param("category", "TALKS"))
                .andExpect(jsonPath("$.items[*].eventId").value(contains(talk.occurrenceId())));
        mvc.perform(get("/api/bookings/CAT-MOND").header("Authorization", tokens.customer(customer)))
                .andExpect(jsonPath("$.bookAgainEventId").value(friday.occurrenceId()));
        mvc.perform(get("/api/bookings/CAT-TALK").header("Authorization", tokens.customer(customer)))
                .andExpect(jsonPath("$.bookAgainEventId").value(talk.occurrenceId()));
    }

    private static OccurrenceScheduled withCategory(OccurrenceScheduled event, String category) {
        return new OccurrenceScheduled(
                event.occurrenceId(),
                event.title(),
                event.description(),
                event.startsAt(),
                event.endsAt(),
                event.location(),
                event.organiser(),
                event.ticketTypes(),
                event.policy(),
                event.scheduledAt(),
                category);
    }
}
