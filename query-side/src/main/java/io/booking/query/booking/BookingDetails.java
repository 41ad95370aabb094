package io.booking.query.booking;

import io.booking.query.account.CustomerContacts;
import io.booking.shared.booking.BookingStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * One booking: the Upcoming row's fields plus whose it is, the booking-form answers and the transfer history.
 *
 * @param customerDeleted the customer's account was deleted (or a guest's data erased): names and answers read
 *                        {@code [erased]}
 * @param guestBooking    booked by a guest; {@code contact} is the guest's until it is linked to an account
 * @param guestContact    a linked guest booking's kept copy of the guest's contact details, if the admin kept it
 */
public record BookingDetails(
        String bookingId,
        String reference,
        @Schema(implementation = BookingStatus.class) String status,
        Instant bookedAt,
        BookingView.Event event,
        BookingView.TicketType ticketType,
        List<BookingView.Ticket> tickets,
        BookingView.Actions actions,
        String customerId,
        boolean customerDeleted,
        List<Answer> answers,
        List<Transfer> transfers,
        @Nullable String bookAgainEventId,
        @Nullable CustomerContacts.Contact contact,
        boolean guestBooking,
        @Nullable CustomerContacts.Contact guestContact) {

    static BookingDetails of(
            BookingView row,
            String customerId,
            boolean customerDeleted,
            boolean guestBooking,
            List<Answer> answers,
            List<Transfer> transfers) {
        return new BookingDetails(
                row.bookingId(),
                row.reference(),
                row.status(),
                row.bookedAt(),
                row.event(),
                row.ticketType(),
                row.tickets(),
                row.actions(),
                customerId,
                customerDeleted,
                answers,
                transfers,
                null,
                null,
                guestBooking,
                null);
    }

    /** @param eventId "book again": this event while it has seats and has not started, else its next such date */
    BookingDetails withBookAgain(String eventId) {
        return new BookingDetails(
                bookingId,
                reference,
                status,
                bookedAt,
                event,
                ticketType,
                tickets,
                actions,
                customerId,
                customerDeleted,
                answers,
                transfers,
                eventId,
                contact,
                guestBooking,
                guestContact);
    }

    /** @param booker the booking contact: the customer's name, email and phone; absent once the account is deleted */
    BookingDetails withContact(CustomerContacts.Contact booker) {
        return new BookingDetails(
                bookingId,
                reference,
                status,
                bookedAt,
                event,
                ticketType,
                tickets,
                actions,
                customerId,
                customerDeleted,
                answers,
                transfers,
                bookAgainEventId,
                booker,
                guestBooking,
                guestContact);
    }

    /** A guest's session may cancel its booking but not move it: it is not offered what it would be refused. */
    BookingDetails forGuestSession() {
        return new BookingDetails(
                bookingId,
                reference,
                status,
                bookedAt,
                event,
                ticketType,
                tickets,
                new BookingView.Actions(actions.cancel(), false),
                customerId,
                customerDeleted,
                answers,
                transfers,
                bookAgainEventId,
                contact,
                guestBooking,
                guestContact);
    }

    BookingDetails withGuestContact(CustomerContacts.Contact guest) {
        return new BookingDetails(
                bookingId,
                reference,
                status,
                bookedAt,
                event,
                ticketType,
                tickets,
                actions,
                customerId,
                customerDeleted,
                answers,
                transfers,
                bookAgainEventId,
                contact,
                guestBooking,
                guest);
    }

    /** Tickets moved from one event and ticket type to another, by {@code customer} or {@code admin}. */
    public record Transfer(
            List<String> ticketIds,
            String fromEventId,
            String fromTicketTypeId,
            String toEventId,
            String toTicketTypeId,
            String transferredBy,
            Instant transferredAt) {}

    public record Answer(String question, String answer) {}
}
