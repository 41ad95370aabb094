package io.booking.command.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.booking.platform.AttemptLimits;
import io.booking.platform.ProblemResponses;
import io.swagger.v3.oas.models.PathItem;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

import java.util.Set;

/**
 * What a client may try without a token, and how often: logging in, registering, password resets, invitations and
 * guest sessions, from one address; logging in to one account (see {@link AuthController}); as often a minute as
 * {@link AttemptLimitSettings} says. Then 429 with {@code Retry-After}.
 */
@Configuration(proxyBeanMethods = false)
class AuthAttemptLimits {

    static final Set<String> PATHS = Set.of(
            "/api/auth/token",
            "/api/auth/refresh",
            "/api/accounts",
            "/api/auth/password-reset",
            "/api/auth/password-reset/confirm",
            "/api/accounts/invitation/accept",
            "/api/guest/session");

    @Bean
    AttemptLimits attemptLimits() {
        return new AttemptLimits();
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> attemptsPerClient(
            AttemptLimits limits, ObjectMapper json, AttemptLimitSettings settings) {
        return new FilterRegistrationBean<>(limits.perClient(PATHS, settings.perClientPerMinute(), json));
    }

    @Bean
    OpenApiCustomizer tooManyAttempts() {
        return openApi -> PATHS.forEach(path -> {
            PathItem item = openApi.getPaths().get(path);
            if (item != null && item.getPost() != null) {
                item.getPost()
                        .getResponses()
                        .addApiResponse(
                                "429",
                                ProblemResponses.refusal(
                                        "too many attempts from this address, or logins to this account "
                                                + "(`rule`: `too-many-attempts`); retry after `Retry-After` seconds",
                                        true));
            }
        });
    }
}
