package io.booking.command.account;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code booking.password-reset} (defaults in command-side.yml).
 *
 * @param codeTtl how long a mailed code works
 * @param maxAttempts wrong tries a code allows
 * @param maxRequests codes mailed per account within {@code requestWindow}; past it a request mails nothing
 */
@ConfigurationProperties("booking.password-reset")
@Validated
public record PasswordResetSettings(
        @NotNull Duration codeTtl,
        @Min(1) int maxAttempts,
        @Min(1) int maxRequests,
        @NotNull Duration requestWindow) {}
