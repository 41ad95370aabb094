package io.booking.command.security;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code booking.attempt-limits}: how often a client may try what guesses or floods (defaults in command-side.yml).
 *
 * @param perClientPerMinute logins, sign-ups, password resets, invitations and guest sessions from one address
 * @param perAccountPerMinute logins to one account, from anywhere
 */
@ConfigurationProperties("booking.attempt-limits")
@Validated
public record AttemptLimitSettings(
        @Min(1) int perClientPerMinute, @Min(1) int perAccountPerMinute) {}
