package io.booking.command.account;

import io.booking.shared.account.Role;

/** Open an account; the password arrives already hashed and goes to the credentials table, never to an event. */
public record RegisterAccount(
        String accountId, String name, String email, String phone, String passwordHash, Role role) {

    @Override
    public String toString() {
        return "RegisterAccount[accountId=" + accountId + ", role=" + role + "]";
    }
}
