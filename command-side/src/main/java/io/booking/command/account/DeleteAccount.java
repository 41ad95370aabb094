package io.booking.command.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record the account's deletion; sent by {@link AccountCommandHandler} within the unit of work that also cancels the
 * upcoming bookings, removes the credentials and destroys the personal-data key.
 */
public record DeleteAccount(@TargetAggregateIdentifier String accountId, boolean byAdmin, int cancelledBookings) {}
