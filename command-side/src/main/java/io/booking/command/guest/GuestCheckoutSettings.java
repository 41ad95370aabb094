package io.booking.command.guest;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code booking.guest-checkout} (defaults in command-side.yml).
 *
 * @param enabled whether anyone may book without an account
 * @param sessionTtl how long a guest's session, opened from the manage link, lasts
 */
@ConfigurationProperties("booking.guest-checkout")
@Validated
public record GuestCheckoutSettings(
        boolean enabled, @NotNull Duration sessionTtl) {}
