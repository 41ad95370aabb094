package io.booking.command.booking;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The organiser cancels the tickets a booking holds for a cancelled event; tickets already cancelled, or moved to
 * another event, stay as they are.
 */
public record CancelBookingOfCancelledEvent(
        @TargetAggregateIdentifier String bookingId, String occurrenceId, String reason) {}
