package io.booking.query.booking;

import java.time.Instant;
import java.util.List;

/**
 * One booking: the Upcoming row's fields plus whose it is, the booking-form answers and the transfer history.
 *
 * @param customerDeleted the customer's account was deleted: names and answers read {@code [erased]}
 */
public record BookingDetails(String bookingId, String reference, String status, Instant bookedAt,
                             BookingView.Event event, BookingView.TicketType ticketType,
                             List<BookingView.Ticket> tickets, BookingView.Actions actions,
                             String customerId, boolean customerDeleted, List<Answer> answers,
                             List<Transfer> transfers) {

    static BookingDetails of(BookingView row, String customerId, boolean customerDeleted, List<Answer> answers,
                             List<Transfer> transfers) {
        return new BookingDetails(row.bookingId(), row.reference(), row.status(), row.bookedAt(), row.event(),
                row.ticketType(), row.tickets(), row.actions(), customerId, customerDeleted, answers, transfers);
    }

    /** Tickets moved from one event and ticket type to another, by {@code customer} or {@code admin}. */
    public record Transfer(List<String> ticketIds, String fromEventId, String fromTicketTypeId, String toEventId,
                           String toTicketTypeId, String transferredBy, Instant transferredAt) {
    }

    public record Answer(String question, String answer) {
    }
}
