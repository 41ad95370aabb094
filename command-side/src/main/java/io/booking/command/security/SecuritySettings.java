package io.booking.command.security;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code booking.security}: how tokens are issued and trusted. The defaults are in command-side.yml; a value out of
 * range stops the start.
 *
 * @param issuer the tokens' {@code iss}, checked on every request
 * @param tokenTtl how long an access token works
 * @param refreshTokenTtl how long a refresh token works (each once): how long a portal keeps someone logged in
 * @param bcryptStrength the cost of a password hash (4 in tests, 10 or more in production)
 * @param passwordVersionCache how long an instance trusts an account's password version it read: tokens from before
 *     a new password or a deletion end everywhere within it
 */
@ConfigurationProperties("booking.security")
@Validated
public record SecuritySettings(
        @NotBlank String issuer,
        @NotNull Duration tokenTtl,
        @NotNull Duration refreshTokenTtl,
        @Min(4) @Max(31) int bcryptStrength,
        @NotNull Duration passwordVersionCache) {}
