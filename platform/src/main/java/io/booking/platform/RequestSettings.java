package io.booking.platform;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code booking.max-body-bytes} (default in each side's yml), registered by {@link RequestRules}.
 *
 * @param maxBodyBytes the largest request body read; a larger one is refused 413 before anything parses it
 */
@ConfigurationProperties("booking")
@Validated
public record RequestSettings(@Positive long maxBodyBytes) {}
