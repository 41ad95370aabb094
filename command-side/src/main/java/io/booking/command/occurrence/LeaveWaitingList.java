package io.booking.command.occurrence;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Leave the waiting list; an open offer goes to the next in line. */
public record LeaveWaitingList(
        @TargetAggregateIdentifier String occurrenceId, String entryId, String requesterId, boolean byAdmin) {}
