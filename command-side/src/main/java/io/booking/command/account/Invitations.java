package io.booking.command.account;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** One-time, expiring invitations to set a password ({@code account_invitation}); only the token's hash is kept. */
@Component
public class Invitations {

    private final JdbcTemplate jdbc;

    public Invitations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void create(String tokenHash, String accountId, Instant expiresAt) {
        jdbc.update(
                "insert into account_invitation (token_hash, account_id, expires_at) values (?, ?, ?)",
                tokenHash,
                accountId,
                Timestamp.from(expiresAt));
    }

    /** Takes the invitation: its row is gone from the commit on, so a second use finds nothing. */
    Optional<Invitation> take(String tokenHash) {
        Optional<Invitation> found = jdbc
                .query(
                        """
                        select account_id, expires_at from account_invitation where token_hash = ? for update""",
                        (rs, i) -> new Invitation(
                                rs.getString(1), rs.getTimestamp(2).toInstant()),
                        tokenHash)
                .stream()
                .findFirst();
        found.ifPresent(i -> jdbc.update("delete from account_invitation where token_hash = ?", tokenHash));
        return found;
    }

    void removeAllOf(String accountId) {
        jdbc.update("delete from account_invitation where account_id = ?", accountId);
    }

    record Invitation(String accountId, Instant expiresAt) {}
}
