package io.booking.command.booking;

/**
 * A customer or admin asks to cancel a booking, or one ticket of it: cancelled and released together.
 *
 * @param ticketId the one ticket to cancel, or null for the whole booking
 */
public record RequestCancellation(
        String bookingId, String ticketId, String requesterId, boolean byAdmin, String reason) {}
