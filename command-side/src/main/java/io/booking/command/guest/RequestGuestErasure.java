package io.booking.command.guest;

/** An admin asks to erase the personal data of a guest booking's guest. */
public record RequestGuestErasure(String bookingId) {}
