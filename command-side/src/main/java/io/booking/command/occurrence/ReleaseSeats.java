package io.booking.command.occurrence;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Put a cancelled booking's seats back on sale; sent within the cancellation's unit of work.
 *
 * @param byAdmin an admin may cancel at any time; a customer only within the event's cancellation policy
 */
public record ReleaseSeats(@TargetAggregateIdentifier String occurrenceId, String ticketTypeId, String bookingId,
                           int quantity, boolean byAdmin) {
}
