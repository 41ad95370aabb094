package io.booking.command.occurrence;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CancelOccurrence(@TargetAggregateIdentifier String occurrenceId, String reason) {}
