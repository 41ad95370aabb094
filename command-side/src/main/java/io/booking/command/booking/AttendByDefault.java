package io.booking.command.booking;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The event has ended under attendance tracking: the booking's unmarked tickets there count as attended. */
public record AttendByDefault(@TargetAggregateIdentifier String bookingId, String occurrenceId) {}
