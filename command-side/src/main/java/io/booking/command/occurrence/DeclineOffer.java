package io.booking.command.occurrence;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Turn an offer down; its seats go to the next in line, or back on sale. */
public record DeclineOffer(@TargetAggregateIdentifier String occurrenceId, String entryId, String requesterId) {}
