package io.booking.command.booking;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An admin erases the personal data of a guest booking's guest; the booking stays. */
public record EraseGuestData(@TargetAggregateIdentifier String bookingId) {}
