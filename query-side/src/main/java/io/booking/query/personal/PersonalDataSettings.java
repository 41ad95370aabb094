package io.booking.query.personal;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code booking.personal-data} (default in query-side.yml).
 *
 * @param keyCacheTtl how long the projections keep a data subject's key they read: an erasure reaches them within it
 */
@ConfigurationProperties("booking.personal-data")
@Validated
public record PersonalDataSettings(@NotNull Duration keyCacheTtl) {}
