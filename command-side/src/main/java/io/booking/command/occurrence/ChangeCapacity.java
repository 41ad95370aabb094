package io.booking.command.occurrence;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ChangeCapacity(@TargetAggregateIdentifier String occurrenceId, String ticketTypeId, int capacity) {}
