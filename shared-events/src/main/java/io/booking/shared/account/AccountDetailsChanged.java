package io.booking.shared.account;

import io.booking.shared.personal.PersonalData;

import java.time.Instant;

/** A person changed their name, email or phone; the new values are sealed with the account's own key, as at first. */
public record AccountDetailsChanged(String accountId, PersonalData name, PersonalData email, PersonalData phone,
                                    Instant changedAt) implements AccountEvent {
}
