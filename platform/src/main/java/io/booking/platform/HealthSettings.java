package io.booking.platform;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code booking.health} (default in each side's yml), registered by {@link DatabaseOutages}.
 *
 * @param budget how long each check of {@code /actuator/health} may take before it answers DOWN
 */
@ConfigurationProperties("booking.health")
@Validated
public record HealthSettings(@NotNull Duration budget) {}
