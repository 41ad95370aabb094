package io.booking.command.occurrence;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Take the seats an open offer holds, for a booking placed in the same unit of work. */
public record AcceptOffer(
        @TargetAggregateIdentifier String occurrenceId,
        String entryId,
        String requesterId,
        String bookingId,
        int quantity) {}
