package io.booking.command.security;

import io.booking.platform.BearerTokens;
import io.booking.shared.account.Role;
import jakarta.annotation.Nullable;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Signs access tokens: the subject is the account id; the token carries no personal data. It carries the version of
 * the account's password it was issued under ({@link PasswordVersions}), so a new password ends older tokens.
 */
@Component
public class TokenIssuer {

    private final JwtEncoder encoder;
    private final SigningKeys keys;
    private final Clock clock;
    private final String issuer;
    private final Duration ttl;

    public TokenIssuer(JwtEncoder encoder, SigningKeys keys, Clock clock, SecuritySettings settings) {
        this.encoder = encoder;
        this.keys = keys;
        this.clock = clock;
        this.issuer = settings.issuer();
        this.ttl = settings.tokenTtl();
    }

    public AccessToken issue(String accountId, Role role, int passwordVersion) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .subject(accountId)
                .issuedAt(now)
                .expiresAt(now.plus(ttl))
                .claim(BearerTokens.ROLES_CLAIM, List.of(role.name()))
                .claim(PasswordVersions.CLAIM, passwordVersion)
                .build();
        JwsHeader header = JwsHeader.with(() -> "RS256")
                .keyId(keys.signingKey().getKeyID())
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return new AccessToken(token, "Bearer", ttl.toSeconds(), accountId, List.of(role.name()), null);
    }

    /**
     * A guest's short session for one booking: role GUEST, {@code sub} the guest's subject id, and the booking it
     * grants in {@link BearerTokens#BOOKING_CLAIM}.
     */
    public AccessToken issueGuest(String guestId, String bookingId, Duration sessionTtl) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .subject(guestId)
                .issuedAt(now)
                .expiresAt(now.plus(sessionTtl))
                .claim(BearerTokens.ROLES_CLAIM, List.of(BearerTokens.GUEST_ROLE))
                .claim(BearerTokens.BOOKING_CLAIM, bookingId)
                .build();
        JwsHeader header = JwsHeader.with(() -> "RS256")
                .keyId(keys.signingKey().getKeyID())
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return new AccessToken(
                token, "Bearer", sessionTtl.toSeconds(), guestId, List.of(BearerTokens.GUEST_ROLE), null);
    }

    /** @param refreshToken for POST /api/auth/refresh once this one expires; none for a guest's session */
    public record AccessToken(
            String accessToken,
            String tokenType,
            long expiresIn,
            String accountId,
            List<String> roles,
            @Nullable String refreshToken) {

        public AccessToken withRefreshToken(String refreshToken) {
            return new AccessToken(accessToken, tokenType, expiresIn, accountId, roles, refreshToken);
        }

        @Override
        public String toString() {
            return "AccessToken[accountId=" + accountId + ", roles=" + roles + "]";
        }
    }
}
