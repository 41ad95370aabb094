package io.booking.command.axon;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code booking.event-store} of the command side (defaults in command-side.yml).
 *
 * @param readInterval how often at most the command side's own processors (event cancellations and endings) read the
 *     store
 * @param cachedEvents the newest events kept in memory for those processors
 */
@ConfigurationProperties("booking.event-store")
@Validated
public record StoreSettings(
        @NotNull Duration readInterval, @Min(1) int cachedEvents) {}
