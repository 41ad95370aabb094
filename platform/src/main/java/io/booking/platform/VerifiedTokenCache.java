package io.booking.platform;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies a bearer token's signature once and remembers the result; the validators (expiry, issuer, password
 * version) still run on every request. A client sends the same token with every request, and the RSA verification
 * and JSON parsing of it were an eighth of a booking request's CPU in the rush benchmark's profile.
 */
public final class VerifiedTokenCache implements JwtDecoder {

    private static final int MAX_TOKENS = 50_000;

    private final JwtDecoder signatureOnly;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    /** @param signatureOnly a decoder that checks the signature and validates nothing */
    public VerifiedTokenCache(JwtDecoder signatureOnly, OAuth2TokenValidator<Jwt> validator) {
        this.signatureOnly = signatureOnly;
        this.validator = validator;
    }

    /** A validator that accepts every token, for the signature-only decoder. */
    public static OAuth2TokenValidator<Jwt> noValidation() {
        return jwt -> OAuth2TokenValidatorResult.success();
    }

    @Override
    public Jwt decode(String token) {
        Jwt jwt = verified.get(token);
        if (jwt == null) {
            jwt = signatureOnly.decode(token);
            if (verified.size() >= MAX_TOKENS) {
                // expired tokens would otherwise pile up; re-verifying the live ones once is cheap
                verified.clear();
            }
            verified.put(token, jwt);
        }
        OAuth2TokenValidatorResult result = validator.validate(jwt);
        if (result.hasErrors()) {
            throw new JwtValidationException("the token is not valid", result.getErrors());
        }
        return jwt;
    }
}
