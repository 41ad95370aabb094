package io.booking.query.eventstore;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code booking.read-models} (defaults in query-side.yml).
 *
 * @param schema the read models' schema (and their processors' tokens and parked events); a rebuild builds
 *     {@code <schema>_next} and renames it to this once caught up
 * @param rebuild how a rebuild's new generation catches up: events per batch and fetch, connections of its own pool
 */
@ConfigurationProperties("booking.read-models")
@Validated
public record ReadModelSettings(
        @NotBlank String schema, @Valid @NotNull Rebuild rebuild) {

    public record Rebuild(@Min(1) int batchSize, @Min(1) int poolSize) {}
}
