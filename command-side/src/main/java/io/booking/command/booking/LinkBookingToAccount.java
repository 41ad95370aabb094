package io.booking.command.booking;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An admin moves a guest booking under an account, keeping the guest's copy of the contact details or not. */
public record LinkBookingToAccount(
        @TargetAggregateIdentifier String bookingId, String accountId, boolean keepGuestContact) {}
