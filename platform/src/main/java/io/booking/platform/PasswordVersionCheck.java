package io.booking.platform;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Refuses a token issued before its account's password was last changed. The command side puts the version of the
 * account's password into the token ({@link #CLAIM}); the current version is in {@code command.credential}. Both apps
 * check it, each caching an account's version for a short while, as the check runs on every request. A token without
 * the claim counts as version 0. A token whose account is gone (deleted) is refused too; a guest's session token names
 * a guest, who has no account, and is only checked for the password version 0 it carries.
 */
public class PasswordVersionCheck implements OAuth2TokenValidator<Jwt> {

    public static final String CLAIM = "pwv";
    private static final int MAX_CACHED = 50_000;
    private static final OAuth2Error OUTDATED =
            new OAuth2Error("invalid_token", "the password was changed after this token was issued", null);
    private static final OAuth2Error NO_ACCOUNT =
            new OAuth2Error("invalid_token", "the account of this token no longer exists", null);
    /** What the cache keeps for a subject without a live account. */
    private static final int NONE = -1;

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
        long current = current(token.getSubject());
        if (current == NONE) {
            return guestSession(token)
                    ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(NO_ACCOUNT);
        }
        return carried >= current ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(OUTDATED);
    }

    private static boolean guestSession(Jwt token) {
        List<String> roles = token.getClaimAsStringList(BearerTokens.ROLES_CLAIM);
        return roles != null && roles.contains(BearerTokens.GUEST_ROLE);
    }

    private long current(String accountId) {
        if (accountId == null) {
            return NONE;
        }
        long now = System.nanoTime();
        Cached cached = cache.get(accountId);
        if (cached != null && now - cached.loadedAt() < cacheNanos) {
            return cached.version();
        }
        int version = currentVersion.apply(accountId).orElse(NONE);
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

    private record Cached(long version, long loadedAt) {}
}
