package io.booking.command.account;

import java.time.Instant;

/**
 * An admin creates a customer's account without a password; with an invitation, the customer sets one later.
 *
 * @param invitationHash the hash of the invitation's token, or null for no invitation
 */
public record CreateAccountOnBehalf(
        String accountId,
        String name,
        String email,
        String phone,
        String invitationToken,
        String invitationHash,
        Instant invitationExpiresAt) {

    @Override
    public String toString() {
        return "CreateAccountOnBehalf[accountId=" + accountId + "]";
    }
}
