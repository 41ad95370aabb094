package io.booking.command.occurrence;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Put seats back on sale, within the unit of work of the cancellation or transfer that frees them.
 *
 * @param byAdmin an admin may cancel or transfer at any time; a customer only within the event's policy
 */
public record ReleaseSeats(
        @TargetAggregateIdentifier String occurrenceId,
        String ticketTypeId,
        String bookingId,
        int quantity,
        boolean byAdmin,
        Purpose purpose) {

    public enum Purpose {
        CANCELLATION,
        TRANSFER
    }

    public static ReleaseSeats forCancellation(
            String occurrenceId, String ticketTypeId, String bookingId, int quantity, boolean byAdmin) {
        return new ReleaseSeats(occurrenceId, ticketTypeId, bookingId, quantity, byAdmin, Purpose.CANCELLATION);
    }
}
