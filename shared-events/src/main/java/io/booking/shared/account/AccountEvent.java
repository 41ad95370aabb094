package io.booking.shared.account;

/** The events of one account's stream. */
public sealed interface AccountEvent permits AccountRegistered, AccountDetailsChanged, AccountDeleted {

    String accountId();
}
