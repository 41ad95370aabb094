package io.booking.command.occurrence;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Join the waiting list of a sold-out ticket type for a number of seats. */
public record JoinWaitingList(
        @TargetAggregateIdentifier String occurrenceId,
        String ticketTypeId,
        String entryId,
        String customerId,
        int quantity) {}
