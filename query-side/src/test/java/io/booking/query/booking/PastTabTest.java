package io.booking.query.booking;

import io.booking.query.support.QuerySideTest;
import io.booking.shared.booking.Attendance;
import io.booking.shared.booking.AttendanceRecorded;
import io.booking.shared.booking.TicketsBooked;
import io.booking.shared.occurrence.BookingPolicy;
import io.booking.shared.occurrence.OccurrenceCancelled;
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

class PastTabTest extends QuerySideTest {

    @Test
    void endedEventsMoveToThePastTabWithWhoWentTogetherAndWhetherTheEventWasCalledOff() throws Exception {
        String customer = newId();
        byte[] key = store.newSubject(customer);
        OccurrenceScheduled choir = occurrence(
                newId(),
                "Choir evening",
                NOW.plus(Duration.ofHours(2)),
                NOW.plus(Duration.ofHours(4)),
                new BookingPolicy(true, true, 1),
                ticketType("std", "Standard", "8.00", 40));
        OccurrenceScheduled picnic = occurrence(
                newId(),
                "Picnic",
                NOW.plus(Duration.ofHours(5)),
                NOW.plus(Duration.ofHours(6)),
                new BookingPolicy(true, true, 1),
                ticketType("std", "Standard", "0.00", 40));
        store.append(choir);
        store.append(picnic);
        TicketsBooked choirBooking =
                store.booking(customer, key, choir, "CHOIR-1", NOW, "Ada Lovelace", "Mary Somerville");
        store.append(choirBooking, 38);
        store.append(
                "Booking",
                choirBooking.bookingId(),
                new AttendanceRecorded(
                        choirBooking.bookingId(), choirBooking.tickets().get(0).ticketId(), Attendance.ATTENDED, NOW));
        store.append(
                "Booking",
                choirBooking.bookingId(),
                new AttendanceRecorded(
                        choirBooking.bookingId(), choirBooking.tickets().get(1).ticketId(), Attendance.NO_SHOW, NOW));
        store.append(store.booking(customer, key, picnic, "PICNIC-1", NOW, "Ada Lovelace"), 39);
        long position = store.append(
                "Occurrence", picnic.occurrenceId(), new OccurrenceCancelled(picnic.occurrenceId(), "rain", NOW));

        mvc.perform(get("/api/my/past")
                        .header("Authorization", tokens.customer(customer))
                        .header("X-Consistency-Token", position))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(0));

        clock.advance(Duration.ofHours(7));

        mvc.perform(get("/api/my/past").header("Authorization", tokens.customer(customer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(2))
                .andExpect(jsonPath("$.items[*].reference").value(contains("PICNIC-1", "CHOIR-1")))
                .andExpect(jsonPath("$.items[0].event.cancelled").value(true))
                .andExpect(jsonPath("$.items[1].event.cancelled").value(false))
                .andExpect(jsonPath("$.items[1].tickets[*].attendeeName")
                        .value(contains("Ada Lovelace", "Mary Somerville")))
                .andExpect(jsonPath("$.items[1].tickets[*].attendance").value(contains("ATTENDED", "NO_SHOW")))
                .andExpect(jsonPath("$.items[0].tickets[0].attendance").value("BOOKED"))
                .andExpect(jsonPath("$.items[1].actions.cancel").value(false));
        mvc.perform(get("/api/my/upcoming").header("Authorization", tokens.customer(customer)))
                .andExpect(jsonPath("$.totalItems").value(0));
    }
}
