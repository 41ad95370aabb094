package io.booking.shared.account;

import io.booking.shared.personal.PersonalData;

import java.time.Instant;
import java.util.Map;

/**
 * A person changed their name, email or phone; the new values are sealed with the account's own key, as at first.
 *
 * @param customFields the organiser's own account fields, each value sealed the same way; added later, so older
 *                     events read as null (no fields)
 */
public record AccountDetailsChanged(
        String accountId,
        PersonalData name,
        PersonalData email,
        PersonalData phone,
        Instant changedAt,
        Map<String, PersonalData> customFields)
        implements AccountEvent {}
