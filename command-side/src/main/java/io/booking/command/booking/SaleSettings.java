package io.booking.command.booking;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code booking.sale} (default in command-side.yml).
 *
 * @param maxBookingsPerCommit single bookings waiting in one line placed together in one unit of work at most; 1 places
 *     them one by one (the first in line must at least take its own)
 * @param lines                lines the events share, each served one unit of work at a time: fewer lines put more
 *     bookings of different events in a commit, more lines commit more units of work at once
 */
@ConfigurationProperties("booking.sale")
@Validated
public record SaleSettings(
        @Min(1) int maxBookingsPerCommit, @Min(1) @Max(1024) int lines) {}
