package io.booking.command.account;

import java.util.Map;

/**
 * A customer changes their name, email (still unique, compared case-insensitively), phone and the organiser's custom
 * fields (the whole set: a field left out is cleared).
 */
public record UpdateAccount(
        String accountId, String name, String email, String phone, Map<String, String> customFields) {

    @Override
    public String toString() {
        return "UpdateAccount[accountId=" + accountId + "]";
    }
}
