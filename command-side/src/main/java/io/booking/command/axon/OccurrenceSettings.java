package io.booking.command.axon;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code booking.occurrence}: how the event aggregate, every booking's hot spot, is kept (defaults in command-side.yml).
 *
 * @param snapshotThreshold events after which a snapshot is taken, so a cold load reads a short tail
 * @param cacheEnabled whether a busy event stays in memory between bookings (off only to measure the naive design)
 */
@ConfigurationProperties("booking.occurrence")
@Validated
public record OccurrenceSettings(@Min(1) int snapshotThreshold, boolean cacheEnabled) {}
