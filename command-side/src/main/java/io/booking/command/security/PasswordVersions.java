package io.booking.command.security;

import io.booking.command.account.Credentials;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses a token issued before its account's password was last changed: the token carries the password version it
 * was issued under, the credential row the current one. The current version is cached briefly
 * ({@code booking.security.password-version-cache}), as the check runs on every request; this instance evicts it
 * when the password changes, another instance sees the change within that time. A token without the claim counts as
 * version 0; a deleted account has no version and its token passes here (its commands are refused as for any
 * deleted account).
 */
@Component
public class PasswordVersions implements OAuth2TokenValidator<Jwt> {

    public static final String CLAIM = "pwv";
    private static final int MAX_CACHED = 50_000;
    private static final OAuth2Error OUTDATED = new OAuth2Error("invalid_token",
            "the password was changed after this token was issued", null);

    private final Credentials credentials;
    private final long cacheNanos;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public PasswordVersions(Credentials credentials,
                            @Value("${booking.security.password-version-cache}") Duration cacheFor) {
        this.credentials = credentials;
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
        int version = credentials.passwordVersion(accountId).orElse(0);
        if (cache.size() > MAX_CACHED) {
            cache.clear();
        }
        cache.put(accountId, new Cached(version, now));
        return version;
    }

    /** The account's password changes in the current transaction: forget its version now and after the commit. */
    public void changing(String accountId) {
        cache.remove(accountId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    cache.remove(accountId);
                }
            });
        }
    }

    private record Cached(long version, long loadedAt) {
    }
}
