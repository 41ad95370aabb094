package io.booking.command.consistency;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where clients are sent ({@code booking.query-url}, {@code booking.portal-url}; defaults in command-side.yml).
 *
 * @param queryUrl  the query side as clients reach it: a creation's {@code Location} points there
 * @param portalUrl the customer portal: a mail's "view booking" link is {@code <portalUrl>/bookings/<reference>}
 */
@ConfigurationProperties("booking")
@Validated
public record LinkSettings(
        @NotBlank String queryUrl, @NotBlank String portalUrl) {}
