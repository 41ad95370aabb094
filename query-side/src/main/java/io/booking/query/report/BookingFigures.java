package io.booking.query.report;

import io.booking.shared.booking.Attendance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one booking counts for in the reports as it stands: its tickets where they are now. The difference between a
 * booking's figures before and after an event is what that event changes in the report.
 */
public record BookingFigures(boolean customerDeleted, boolean guest, List<Ticket> tickets) {

    public static final BookingFigures NONE = new BookingFigures(false, false, List.of());

    /**
     * @param booked    still booked (not cancelled)
     * @param attended  the attendance recorded for it: ATTENDED, NO_SHOW or BOOKED (none yet)
     */
    public record Ticket(String eventId, String ticketTypeId, boolean booked, Attendance attended) {}

    /** A new booking: all its tickets booked at one ticket type. */
    public static BookingFigures booked(String eventId, String ticketTypeId, int tickets, boolean customerDeleted) {
        return new BookingFigures(
                customerDeleted,
                false,
                java.util.Collections.nCopies(tickets, new Ticket(eventId, ticketTypeId, true, Attendance.BOOKED)));
    }

    /** Per event: bookings, of them deleted customers', of them guests'. */
    Map<String, long[]> perEvent() {
        Map<String, long[]> events = new HashMap<>();
        for (Ticket ticket : tickets) {
            events.computeIfAbsent(ticket.eventId(), id -> new long[] {1, customerDeleted ? 1 : 0, guest ? 1 : 0});
        }
        return events;
    }

    /** Per event and ticket type: tickets booked, cancelled, attended, no-shows. */
    Map<TicketTypeKey, long[]> perTicketType() {
        Map<TicketTypeKey, long[]> types = new HashMap<>();
        for (Ticket ticket : tickets) {
            long[] counts = types.computeIfAbsent(
                    new TicketTypeKey(ticket.eventId(), ticket.ticketTypeId()), key -> new long[4]);
            counts[ticket.booked() ? 0 : 1]++;
            if (ticket.booked()) {
                switch (ticket.attended()) {
                    case ATTENDED -> counts[2]++;
                    case NO_SHOW -> counts[3]++;
                    case BOOKED -> {}
                }
            }
        }
        return types;
    }

    record TicketTypeKey(String eventId, String ticketTypeId) {}
}
