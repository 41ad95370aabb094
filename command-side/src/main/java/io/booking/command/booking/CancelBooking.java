package io.booking.command.booking;

import io.booking.shared.personal.PersonalData;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Cancel a whole booking.
 *
 * @param requesterId the customer asking, who must own the booking unless {@code byAdmin}
 * @param reason      why, sealed with the booking's customer's key, or null
 */
public record CancelBooking(
        @TargetAggregateIdentifier String bookingId, String requesterId, boolean byAdmin, PersonalData reason) {}
