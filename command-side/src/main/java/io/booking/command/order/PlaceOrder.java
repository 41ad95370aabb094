package io.booking.command.order;

import io.booking.command.booking.BookTickets;

import java.util.List;

/**
 * A customer checks out bookings for one or more events at once: all are placed, or none. The order id is chosen by
 * the client, so a retry is recognised and answered the same way.
 */
public record PlaceOrder(String orderId, String customerId, List<Line> lines) {

    public record Line(
            String occurrenceId,
            String ticketTypeId,
            List<BookTickets.Attendee> attendees,
            List<BookTickets.Answer> answers) {}

    /** Who ordered what, without names: a retry must ask for the same tickets. */
    String fingerprint() {
        StringBuilder fingerprint = new StringBuilder(customerId);
        lines.forEach(line -> fingerprint
                .append('|')
                .append(line.occurrenceId())
                .append('/')
                .append(line.ticketTypeId())
                .append('x')
                .append(line.attendees().size()));
        return fingerprint.toString();
    }
}
