package io.booking.query.eventstore;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code booking.event-store} of the query side: how it follows the command side's store (defaults in
 * query-side.yml).
 *
 * @param batchSize events fetched per query of a processor's stream
 * @param fetchDelay how often it looks for new events while none arrive
 * @param readInterval while they do, at most one read per interval, fetching all that arrived meanwhile
 * @param cachedEvents the newest events kept in memory for the processors
 * @param claimExtension how often a processor that passed events it does not handle writes its position (how stale
 *     another instance may find it)
 */
@ConfigurationProperties("booking.event-store")
@Validated
public record StoreSettings(
        @Min(1) int batchSize,
        @NotNull Duration fetchDelay,
        @NotNull Duration readInterval,
        @Min(1) int cachedEvents,
        @NotNull Duration claimExtension) {}
