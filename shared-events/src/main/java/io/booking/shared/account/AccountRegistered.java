package io.booking.shared.account;

import io.booking.shared.personal.PersonalData;

import java.time.Instant;

/** A person has an account. Name, email and phone are sealed with the account's own key; no password here. */
public record AccountRegistered(
        String accountId, PersonalData name, PersonalData email, PersonalData phone, Role role, Instant registeredAt)
        implements AccountEvent {}
