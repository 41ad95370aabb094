package io.booking.command.booking;

/** A customer or admin asks to cancel a booking: the booking is cancelled and its seats released together. */
public record RequestCancellation(String bookingId, String requesterId, boolean byAdmin, String reason) {
}
