package io.booking.command.account;

import io.booking.shared.account.Role;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Emails and password hashes: the command side's own state, and the unique-email rule. */
@Component
public class Credentials {

    private final JdbcTemplate jdbc;

    public Credentials(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static String normalise(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    /** @return false when a live account already has this email (a concurrent claim waits for the first) */
    public boolean claim(String accountId, String email, String passwordHash, Role role) {
        return jdbc.update("""
                insert into credential (account_id, email_lower, password_hash, role) values (?, ?, ?, ?)
                on conflict (email_lower) do nothing""", accountId, normalise(email), passwordHash, role.name()) == 1;
    }

    public Optional<Credential> findByEmail(String email) {
        List<Credential> rows = jdbc.query(
                "select account_id, password_hash, role, password_version from credential where email_lower = ?",
                (rs, i) ->
                        new Credential(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)), rs.getInt(4)),
                normalise(email));
        return rows.stream().findFirst();
    }

    /**
     * A new password: the version goes up, so tokens issued under the old one are refused from the commit on.
     *
     * @return false when there is no such (live) account
     */
    public boolean changePassword(String accountId, String passwordHash) {
        return jdbc.update("""
                update credential set password_hash = ?, password_version = password_version + 1,
                password_changed_at = now() where account_id = ?""", passwordHash, accountId) == 1;
    }

    /** The version of the account's password, or empty when there is no such (live) account. */
    public Optional<Integer> passwordVersion(String accountId) {
        return jdbc
                .queryForList("select password_version from credential where account_id = ?", Integer.class, accountId)
                .stream()
                .findFirst();
    }

    public enum EmailChange {
        CHANGED,
        TAKEN,
        NO_SUCH_ACCOUNT
    }

    /** Moves the account to another email; a concurrent claim of the same email waits for this transaction. */
    public EmailChange changeEmail(String accountId, String email) {
        try {
            return jdbc.update(
                                    "update credential set email_lower = ? where account_id = ?",
                                    normalise(email),
                                    accountId)
                            == 1
                    ? EmailChange.CHANGED
                    : EmailChange.NO_SUCH_ACCOUNT;
        } catch (DuplicateKeyException e) {
            // another live account has it; the transaction is rolled back with the refusal
            return EmailChange.TAKEN;
        }
    }

    /** @return false when there is no such (live) account */
    public boolean setPassword(String accountId, String passwordHash) {
        return jdbc.update("update credential set password_hash = ? where account_id = ?", passwordHash, accountId)
                == 1;
    }

    public Optional<Credential> findById(String accountId) {
        return jdbc
                .query(
                        "select account_id, password_hash, role, password_version from credential where account_id = ?",
                        (rs, i) -> new Credential(
                                rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)), rs.getInt(4)),
                        accountId)
                .stream()
                .findFirst();
    }

    /**
     * Locks the account's row until the deleting transaction ends, so two deletions of the same account run one after
     * the other and the second finds nothing.
     *
     * @return false when there is no such (live) account
     */
    public boolean lockForDeletion(String accountId) {
        return !jdbc.queryForList(
                        "select account_id from credential where account_id = ? for update", String.class, accountId)
                .isEmpty();
    }

    /** The login email, to write to; absent for a deleted account. */
    public Optional<String> emailOf(String accountId) {
        return jdbc
                .queryForList("select email_lower from credential where account_id = ?", String.class, accountId)
                .stream()
                .findFirst();
    }

    /**
     * Holds the account for a booking's transaction: its deletion (which locks the row for update) waits for the booking
     * and then counts it among the upcoming bookings, or has already deleted the row and the booking is refused.
     *
     * @return the account's login email (where its booking confirmations go), or empty when there is no such (live)
     * account
     */
    public Optional<String> holdForBooking(String accountId) {
        return Optional.ofNullable(holdForBookings(List.of(accountId)).get(accountId));
    }

    /** {@link #holdForBooking} for the customers of bookings served together: their emails by account id. */
    public Map<String, String> holdForBookings(Collection<String> accountIds) {
        Map<String, String> emails = new HashMap<>();
        jdbc.query(
                "select account_id, email_lower from credential where account_id = any(?) for key share",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", accountIds.toArray())),
                rs -> {
                    emails.put(rs.getString(1), rs.getString(2));
                });
        return emails;
    }

    /** Forgets the email and password hash: the email is free for a new account from the commit on. */
    public void remove(String accountId) {
        jdbc.update("delete from credential where account_id = ?", accountId);
    }

    /** @param passwordVersion goes up with every new password; a token carries the one it was issued under */
    public record Credential(String accountId, String passwordHash, Role role, int passwordVersion) {

        @Override
        public String toString() {
            return "Credential[accountId=" + accountId + ", role=" + role + ", passwordVersion=" + passwordVersion
                    + "]";
        }
    }
}
