package io.booking.platform;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import java.time.Duration;
import java.util.List;

/**
 * Portals on other origins (the customer portal, an admin tool) call both APIs from the browser: their origins are
 * {@code booking.cors.allowed-origins}. Spring Security answers a preflight before it asks for a token (each app's
 * security chain enables {@code cors()}), and a page may read the headers a client needs.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CorsSettings.class)
public class CrossOrigin {

    /** Headers a page's script may read from an answer. */
    static final List<String> EXPOSED =
            List.of("X-Consistency-Token", "Location", "Retry-After", "ETag", "Idempotent-Replayed");

    @Bean
    CorsConfigurationSource corsConfigurationSource(CorsSettings settings) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(settings.allowedOrigins().stream()
                .map(String::trim)
                .filter(o -> !o.isEmpty())
                .toList());
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
        cors.setAllowedHeaders(List.of(
                "Authorization", "Content-Type", "X-Consistency-Token", "Prefer", "If-None-Match", "Idempotency-Key"));
        cors.setExposedHeaders(EXPOSED);
        // bearer tokens, no cookies: credentials mode is not needed
        cors.setAllowCredentials(false);
        cors.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        return source;
    }
}
