package io.booking.command.occurrence;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A deleted account leaves every waiting list of the event it is on; open offers go to the next in line. */
public record LeaveAllWaitingListsOf(
        @TargetAggregateIdentifier String occurrenceId, String customerId) {}
