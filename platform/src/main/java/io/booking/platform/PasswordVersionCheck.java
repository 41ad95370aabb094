package io.booking.platform;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Refuses a token issued before its account's password was last changed. The command side puts the version of the
 * account's password into the token ({@link #CLAIM}); the current version is in {@code command.credential}. Both apps
 * check it, each caching an account's version for a short while, as the check runs on every request. A token without
 * the claim counts as version 0; an account without a version (deleted) is not refused here.
 */
public class PasswordVersionCheck implements OAuth2TokenValidator<Jwt> {

    public static final String CLAIM = "pwv";
    private static final int MAX_CACHED = 50_000;
    private static final OAuth2Error OUTDATED = new OAuth2Error("invalid_token",
            "the password was changed after this token was issued", null);

    private final Function<String, Optional<Integer>> currentVersion;
    private final long cacheNanos;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    /** @param currentVersion the account's password version now, empty when there is no such (live) account */
    public PasswordVersionCheck(Function<String, Optional<Integer>> currentVersion, Duration cacheFor) {
        this.currentVersion = currentVersion;
        this.cacheNanos = cacheFor.toNanos();
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        Object claim = token.getClaims().get(CLAIM);
        long carried = claim instanceof Number number ? number.longValue() : 0;
        return carried >= current(token.getSubject())
                ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(OUTDATED);
    }

    private long current(String accountId) {
        if (accountId == null) {
            return 0;
        }
        long now = System.nanoTime();
        Cached cached = cache.get(accountId);
        if (cached != null && now - cached.loadedAt() < cacheNanos) {
            return cached.version();
        }
        int version = currentVersion.apply(accountId).orElse(0);
        if (cache.size() > MAX_CACHED) {
            cache.clear();
        }
        cache.put(accountId, new Cached(version, now));
        return version;
    }

    /** Forgets the cached version of an account whose password is changing. */
    public void forget(String accountId) {
        cache.remove(accountId);
    }

    private record Cached(long version, long loadedAt) {
    }
}
