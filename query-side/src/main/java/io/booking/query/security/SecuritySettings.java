package io.booking.query.security;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code booking.security} (default in query-side.yml).
 *
 * @param passwordVersionCache how long this side trusts an account's password version it read: tokens from before a
 *     new password or a deletion end here within it
 */
@ConfigurationProperties("booking.security")
@Validated
public record SecuritySettings(@NotNull Duration passwordVersionCache) {}
