package io.booking.command.guest;

import io.booking.command.booking.BookTickets;
import io.booking.command.booking.BookingCommandHandler.GuestContact;

/**
 * A guest books without an account: {@code booking.customerId()} is the new guest subject id.
 */
public record BookAsGuest(BookTickets booking, GuestContact contact) {

    @Override
    public String toString() {
        return "BookAsGuest[bookingId=" + booking.bookingId() + "]";
    }
}
