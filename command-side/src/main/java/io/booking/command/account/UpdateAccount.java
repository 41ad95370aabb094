package io.booking.command.account;

/** A customer changes their name, email (still unique, compared case-insensitively) and phone. */
public record UpdateAccount(String accountId, String name, String email, String phone) {

    @Override
    public String toString() {
        return "UpdateAccount[accountId=" + accountId + "]";
    }
}
