package io.booking.command.notification;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code booking.mail}: the outbox's sending (defaults in command-side.yml; the SMTP server is {@code spring.mail}).
 *
 * @param from the sender of every mail
 * @param pollInterval how often the outbox is drained
 * @param retryInitial the first pause after a failed send, doubling up to {@code retryMax}
 * @param batchSize mails sent per drain
 */
@ConfigurationProperties("booking.mail")
@Validated
public record MailSettings(
        @NotBlank String from,
        @NotNull Duration pollInterval,
        @NotNull Duration retryInitial,
        @NotNull Duration retryMax,
        @Min(1) int batchSize) {}
