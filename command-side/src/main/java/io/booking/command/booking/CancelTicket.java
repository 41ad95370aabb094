package io.booking.command.booking;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Cancel one ticket of a booking.
 *
 * @param requesterId the customer asking, who must own the booking unless {@code byAdmin}
 */
public record CancelTicket(@TargetAggregateIdentifier String bookingId, String ticketId, String requesterId,
                           boolean byAdmin, String reason) {
}
