package io.booking.command.booking;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The organiser cancels a booking because its event was cancelled; a booking already cancelled stays as it is. */
public record CancelBookingOfCancelledEvent(@TargetAggregateIdentifier String bookingId, String reason) {
}
