package io.booking.query.booking;

import io.booking.query.support.QuerySideTest;
import io.booking.shared.booking.Attendance;
import io.booking.shared.booking.AttendanceRecorded;
import io.booking.shared.booking.TicketCancelled;
import io.booking.shared.booking.TicketsBooked;
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

/** The door list: an event's booked tickets by attendee name, with what recording attendance needs. */
class EventAttendeesTest extends QuerySideTest {

    @Test
    void anAdminListsAnEventsAttendeesWithTheirTicketsAndAttendance() throws Exception {
        OccurrenceScheduled event = occurrence(
                newId(),
                "Door List",
                NOW.plus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(2)),
                new BookingPolicy(true, true, 1),
                ticketType("t", "Standard", "5.00", 20));
        store.append(event);
        String first = newId();
        TicketsBooked zed = store.booking(first, store.newSubject(first), event, "DOOR-1", NOW, "Zed", "amy");
        store.append(zed, 18);
        String second = newId();
        TicketsBooked bo = store.booking(second, store.newSubject(second), event, "DOOR-2", NOW, "Bo", "Cy");
        store.append(bo, 16);
        store.append(
                "Booking",
                bo.bookingId(),
                new TicketCancelled(
                        bo.bookingId(),
                        bo.tickets().get(1).ticketId(),
                        event.occurrenceId(),
                        "t",
                        "customer",
                        null,
                        NOW));
        long last = store.append(
                "Booking",
                zed.bookingId(),
                new AttendanceRecorded(zed.bookingId(), zed.tickets().get(0).ticketId(), Attendance.ATTENDED, NOW));

        mvc.perform(get("/api/admin/events/{eventId}/attendees", event.occurrenceId())
                        .header("Authorization", tokens.admin(newId()))
                        .header("X-Consistency-Token", last)
                        .param("size", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(3))
                .andExpect(jsonPath("$.items[*].attendeeName", contains("amy", "Bo")))
                .andExpect(jsonPath("$.items[0].reference").value("DOOR-1"))
                .andExpect(jsonPath("$.items[0].ticketId")
                        .value(zed.tickets().get(1).ticketId()))
                .andExpect(jsonPath("$.items[0].attendance").value("BOOKED"));
        mvc.perform(get("/api/admin/events/{eventId}/attendees", event.occurrenceId())
                        .header("Authorization", tokens.admin(newId()))
                        .param("page", "1")
                        .param("size", "2"))
                .andExpect(jsonPath("$.items[*].attendeeName", contains("Zed")))
                .andExpect(jsonPath("$.items[0].attendance").value("ATTENDED"));

        mvc.perform(get("/api/admin/events/{eventId}/attendees", newId())
                        .header("Authorization", tokens.admin(newId())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/admin/events/{eventId}/attendees", event.occurrenceId())
                        .header("Authorization", tokens.customer(first)))
                .andExpect(status().isForbidden());
    }
}
