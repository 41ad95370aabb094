package io.booking.command.booking;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code booking.sale} (default in command-side.yml).
 *
 * @param maxBookingsPerCommit single bookings waiting for one event placed together in one unit of work at most; 1
 *     places them one by one (the first in line must at least take its own)
 */
@ConfigurationProperties("booking.sale")
@Validated
public record SaleSettings(@Min(1) int maxBookingsPerCommit) {}
