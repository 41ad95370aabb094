package io.booking.query.booking;

import java.time.Instant;
import java.util.List;

/** One booking: the Upcoming row's fields plus whose it is and the booking-form answers. */
public record BookingDetails(String bookingId, String reference, String status, Instant bookedAt,
                             BookingView.Event event, BookingView.TicketType ticketType,
                             List<BookingView.Ticket> tickets, BookingView.Actions actions,
                             String customerId, List<Answer> answers) {

    static BookingDetails of(BookingView row, String customerId, List<Answer> answers) {
        return new BookingDetails(row.bookingId(), row.reference(), row.status(), row.bookedAt(), row.event(),
                row.ticketType(), row.tickets(), row.actions(), customerId, answers);
    }

    public record Answer(String question, String answer) {
    }
}
