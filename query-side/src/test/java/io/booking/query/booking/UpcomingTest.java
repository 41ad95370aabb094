package io.booking.query.booking;

import io.booking.query.support.QuerySideTest;
import io.booking.shared.booking.BookedTicket;
import io.booking.shared.booking.TicketsBooked;
import io.booking.shared.occurrence.BookingPolicy;
import io.booking.shared.occurrence.OccurrenceScheduled;
import io.booking.shared.personal.PersonalDataCipher;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.booking.query.support.CommandSideEvents.newId;
import static io.booking.query.support.CommandSideEvents.occurrence;
import static io.booking.query.support.CommandSideEvents.seal;
import static io.booking.query.support.CommandSideEvents.ticketType;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class UpcomingTest extends QuerySideTest {

    @Test
    void theUpcomingTabShowsTheCustomersBookingsSoonestFirstWithNamesAndAllowedActions() throws Exception {
        String customer = newId();
        byte[] key = store.newSubject(customer);
        // starts in 10 h; its organiser allows transfers (until the start: no cutoff) but no cancellations
        OccurrenceScheduled soon = occurrence(
                newId(),
                "Pottery class",
                NOW.plus(Duration.ofHours(10)),
                NOW.plus(Duration.ofHours(12)),
                new BookingPolicy(true, false, 0),
                ticketType("adult", "Adult", "30.00", 12));
        // starts in 5 days: cancellable, but its organiser does not allow transfers
        OccurrenceScheduled later = occurrence(
                newId(),
                "Yoga retreat",
                NOW.plus(Duration.ofDays(5)),
                NOW.plus(Duration.ofDays(6)),
                new BookingPolicy(false, true, 24),
                ticketType("day", "Day pass", "99.90", 30));
        store.append(later);
        store.append(soon);
        TicketsBooked laterBooking =
                store.booking(customer, key, later, "YOGA-1", NOW.minus(Duration.ofDays(2)), "Ada Lovelace");
        TicketsBooked soonBooking = store.booking(
                customer, key, soon, "POT-1", NOW.minus(Duration.ofDays(1)), "Ada Lovelace", "Charles Babbage");
        store.append(laterBooking, 29);
        long position = store.append(soonBooking, 10);

        mvc.perform(get("/api/my/upcoming")
                        .header("Authorization", tokens.customer(customer))
                        .header("X-Consistency-Token", position))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(2))
                .andExpect(jsonPath("$.items[*].reference").value(contains("POT-1", "YOGA-1")))
                .andExpect(jsonPath("$.items[0].status").value("BOOKED"))
                .andExpect(jsonPath("$.items[0].bookingId").value(soonBooking.bookingId()))
                .andExpect(jsonPath("$.items[0].bookedAt").value("2030-02-28T09:00:00Z"))
                .andExpect(jsonPath("$.items[0].event.title").value("Pottery class"))
                .andExpect(jsonPath("$.items[0].event.startsAt").value("2030-03-01T19:00:00Z"))
                .andExpect(jsonPath("$.items[0].event.organiser.contact").value("hello@riverside.example"))
                .andExpect(jsonPath("$.items[0].ticketType.name").value("Adult"))
                .andExpect(jsonPath("$.items[0].ticketType.price").value("30.00"))
                .andExpect(jsonPath("$.items[0].ticketType.currency").value("EUR"))
                .andExpect(jsonPath("$.items[0].tickets[*].attendeeName")
                        .value(contains("Ada Lovelace", "Charles Babbage")))
                .andExpect(jsonPath("$.items[0].actions.cancel").value(false))
                .andExpect(jsonPath("$.items[0].actions.transfer").value(true))
                .andExpect(jsonPath("$.items[1].actions.cancel").value(true))
                .andExpect(jsonPath("$.items[1].actions.transfer").value(false));

        // the pottery class has ended: only the retreat is upcoming
        clock.advance(Duration.ofHours(13));
        mvc.perform(get("/api/my/upcoming").header("Authorization", tokens.customer(customer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[*].reference").value(contains("YOGA-1")));
    }

    @Test
    void anAttendeeWhoseKeyIsDestroyedIsShownAsErased() throws Exception {
        String customer = newId();
        byte[] key = store.newSubject(customer);
        String guest = newId();
        byte[] guestKey = store.newSubject(guest);
        store.eraseSubject(guest);
        OccurrenceScheduled talk = occurrence(
                newId(),
                "Talk",
                NOW.plus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(2)),
                new BookingPolicy(true, true, 1),
                ticketType("free", "Free", "0.00", 50));
        store.append(talk);
        TicketsBooked booked = store.booking(customer, key, talk, "TALK-1", NOW, "Grace Hopper");
        TicketsBooked withErasedGuest = new TicketsBooked(
                booked.bookingId(),
                booked.reference(),
                booked.occurrenceId(),
                booked.ticketTypeId(),
                customer,
                List.of(booked.tickets().get(0), new BookedTicket(newId(), seal(guest, guestKey, "Alan Turing"), true)),
                booked.answers(),
                booked.bookedAt());
        long position = store.append(withErasedGuest, 48);

        mvc.perform(get("/api/bookings/{reference}", "TALK-1")
                        .header("Authorization", tokens.customer(customer))
                        .header("X-Consistency-Token", position))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tickets[*].attendeeName")
                        .value(contains("Grace Hopper", PersonalDataCipher.ERASED)))
                .andExpect(jsonPath("$.tickets[1].child").value(true));
    }
}
