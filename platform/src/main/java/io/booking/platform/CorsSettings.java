package io.booking.platform;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.util.List;

/**
 * {@code booking.cors} (default in each side's yml), registered by {@link CrossOrigin}.
 *
 * @param allowedOrigins the origins whose pages may call the API from a browser
 */
@ConfigurationProperties("booking.cors")
@Validated
public record CorsSettings(@NotNull List<String> allowedOrigins) {}
