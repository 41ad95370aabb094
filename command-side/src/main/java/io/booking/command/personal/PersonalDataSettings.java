package io.booking.command.personal;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code booking.personal-data} (default in command-side.yml).
 *
 * @param keyCacheTtl how long an instance keeps a data subject's key it read: a key another instance destroyed opens
 *     nothing anywhere after this long
 */
@ConfigurationProperties("booking.personal-data")
@Validated
public record PersonalDataSettings(@NotNull Duration keyCacheTtl) {}
