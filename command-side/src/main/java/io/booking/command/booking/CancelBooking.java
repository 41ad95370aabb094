package io.booking.command.booking;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Cancel a whole booking.
 *
 * @param requesterId the customer asking, who must own the booking unless {@code byAdmin}
 */
public record CancelBooking(@TargetAggregateIdentifier String bookingId, String requesterId, boolean byAdmin,
                            String reason) {
}
