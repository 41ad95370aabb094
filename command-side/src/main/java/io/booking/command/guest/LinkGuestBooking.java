package io.booking.command.guest;

/** An admin asks to move a guest booking under an account. */
public record LinkGuestBooking(String bookingId, String accountId, boolean keepGuestContact) {}
