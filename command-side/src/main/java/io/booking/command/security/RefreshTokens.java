package io.booking.command.security;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Refresh tokens: a portal keeps its customer logged in past the access token's hour without keeping the password.
 * Opaque, random, stored only as a hash, valid for {@link SecuritySettings#refreshTokenTtl()} and used once: each
 * refresh hands out the next one of the same family. A token used a second time was stolen or replayed, and ends its
 * whole family; a new password or the account's deletion ends them all.
 */
@Component
public class RefreshTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration ttl;

    public RefreshTokens(JdbcTemplate jdbc, Clock clock, SecuritySettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ttl = settings.refreshTokenTtl();
    }

    /** Who a refresh is for, and under which password version their tokens are issued. */
    public record Holder(String accountId, int passwordVersion, UUID family) {}

    /** A new family, at a login. */
    public String start(String accountId, int passwordVersion) {
        return issue(new Holder(accountId, passwordVersion, UUID.randomUUID()));
    }

    /** The next token of the holder's family. */
    public String issue(Holder holder) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        jdbc.update(
                """
                insert into refresh_token (token_hash, account_id, family_id, password_version, expires_at)
                values (?, ?, ?, ?, ?)""",
                hash(token),
                holder.accountId(),
                holder.family(),
                holder.passwordVersion(),
                Timestamp.from(clock.instant().plus(ttl)));
        return token;
    }

    /**
     * Uses the token once.
     *
     * @return its holder, empty when it is unknown, expired or used before (then its family ends)
     */
    @Transactional
    public Optional<Holder> use(String token) {
        byte[] hash = hash(token);
        List<Stored> found = jdbc.query(
                """
                select account_id, password_version, family_id, used_at is not null or expires_at < ?
                from refresh_token where token_hash = ? for update""",
                (rs, i) -> new Stored(
                        new Holder(rs.getString(1), rs.getInt(2), rs.getObject(3, UUID.class)), rs.getBoolean(4)),
                Timestamp.from(clock.instant()),
                hash);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Stored stored = found.get(0);
        if (stored.spent()) {
            jdbc.update(
                    "delete from refresh_token where family_id = ?",
                    stored.holder().family());
            return Optional.empty();
        }
        jdbc.update("update refresh_token set used_at = ? where token_hash = ?", Timestamp.from(clock.instant()), hash);
        return Optional.of(stored.holder());
    }

    /** @param spent used before, or expired */
    private record Stored(Holder holder, boolean spent) {}

    /** The account's refresh tokens end: it was deleted. */
    public void endAllOf(String accountId) {
        jdbc.update("delete from refresh_token where account_id = ?", accountId);
    }

    /** Expired tokens are dropped. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT2M")
    public void forgetExpired() {
        jdbc.update("delete from refresh_token where expires_at < now()");
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
