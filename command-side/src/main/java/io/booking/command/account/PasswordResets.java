package io.booking.command.account;

import io.booking.command.notification.Notifications;
import io.booking.command.security.PasswordVersions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Password reset by a 6-digit code sent by mail. The code is stored hashed with its expiry and a count of wrong
 * attempts; a new request replaces the open code. The code and the mail are written in one transaction. A wrong,
 * expired, used or exhausted code, and an unknown email, all give the same answer, at about the same cost.
 * Credentials are command-side state: a new password is not an event, it raises the password version, which ends
 * the tokens issued before it ({@link PasswordVersions}).
 */
@Component
public class PasswordResets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Credentials credentials;
    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final Notifications notifications;
    private final PasswordVersions versions;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final Duration codeTtl;
    private final int maxAttempts;
    private final int maxRequests;
    private final Duration requestWindow;
    // compared against when there is no code, so every refusal costs one hash check
    private final String noCodeHash;

    public PasswordResets(
            Credentials credentials,
            JdbcTemplate jdbc,
            PasswordEncoder passwords,
            Notifications notifications,
            PasswordVersions versions,
            Clock clock,
            PlatformTransactionManager transactions,
            PasswordResetSettings settings) {
        this.credentials = credentials;
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.notifications = notifications;
        this.versions = versions;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.codeTtl = settings.codeTtl();
        this.maxAttempts = settings.maxAttempts();
        this.maxRequests = settings.maxRequests();
        this.requestWindow = settings.requestWindow();
        this.noCodeHash = passwords.encode(UUID.randomUUID().toString());
    }

    /**
     * Mails a new code when an account has this email, at most {@code max-requests} per account within
     * {@code request-window} (each new code has its own attempts, so the limit also bounds the guesses); says nothing
     * either way. Past the limit the open code stays valid.
     */
    public void request(String email) {
        String code = "%06d".formatted(RANDOM.nextInt(1_000_000));
        String hash = passwords.encode(code);
        transaction.executeWithoutResult(status -> credentials
                .findByEmail(email)
                .ifPresent(credential -> {
                    Instant now = clock.instant();
                    Instant expiresAt = now.plus(codeTtl);
                    Timestamp windowOpen = Timestamp.from(now.minus(requestWindow));
                    int issued = jdbc.update(
                            """
                    insert into password_reset (account_id, code_hash, expires_at, attempts, requests, window_started_at)
                    values (?, ?, ?, 0, 1, ?)
                    on conflict (account_id) do update set code_hash = excluded.code_hash,
                    expires_at = excluded.expires_at, attempts = 0, created_at = now(),
                    requests = case when password_reset.window_started_at > ? then password_reset.requests + 1 else 1 end,
                    window_started_at = case when password_reset.window_started_at > ?
                        then password_reset.window_started_at else excluded.window_started_at end
                    where password_reset.window_started_at <= ? or password_reset.requests < ?""",
                            credential.accountId(),
                            hash,
                            Timestamp.from(expiresAt),
                            Timestamp.from(now),
                            windowOpen,
                            windowOpen,
                            windowOpen,
                            maxRequests);
                    if (issued == 1) {
                        notifications.passwordResetCode(
                                credential.accountId(), Credentials.normalise(email), code, expiresAt, codeTtl);
                    }
                }));
    }

    /**
     * Sets the new password when the code is the account's open one, not expired and not exhausted; the code is used
     * up. A wrong code counts against the open one (in a transaction of its own, so the count holds).
     *
     * @return false for an unknown email, or a wrong, expired, used or exhausted code
     */
    public boolean confirm(String email, String code, String newPassword) {
        String newHash = passwords.encode(newPassword);
        return Boolean.TRUE.equals(transaction.execute(status -> {
            var credential = credentials.findByEmail(email);
            if (credential.isEmpty()) {
                passwords.matches(code, noCodeHash);
                return false;
            }
            String accountId = credential.get().accountId();
            List<OpenCode> open = jdbc.query(
                    "select code_hash, expires_at, attempts from password_reset where account_id = ? for update",
                    (rs, i) -> new OpenCode(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getInt(3)),
                    accountId);
            if (open.isEmpty()
                    || open.get(0).attempts() >= maxAttempts
                    || !clock.instant().isBefore(open.get(0).expiresAt())) {
                passwords.matches(code, noCodeHash);
                return false;
            }
            if (!passwords.matches(code, open.get(0).codeHash())) {
                jdbc.update("update password_reset set attempts = attempts + 1 where account_id = ?", accountId);
                return false;
            }
            jdbc.update("delete from password_reset where account_id = ?", accountId);
            credentials.changePassword(accountId, newHash);
            versions.changing(accountId);
            return true;
        }));
    }

    private record OpenCode(String codeHash, Instant expiresAt, int attempts) {}
}
