package io.booking.query.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.booking.platform.BearerTokens;
import io.booking.platform.PasswordVersionCheck;
import io.booking.platform.ProblemAuthenticationHandlers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Bearer JWTs issued by the command side: {@code sub} is the account id, {@code roles} become ROLE_ authorities.
 * Authentication and authorisation failures are handed to the MVC exception resolvers, so the one
 * {@code @RestControllerAdvice} answers them as problem details too.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /**
     * Spring Boot adds every such validator to its JWK-set token decoder: a token issued before its account's password
     * was changed (reset) is refused here too, once this side's cached version of the account has expired
     * ({@code booking.security.password-version-cache}). The version is read from the command side's credentials.
     */
    /** An observation around every security filter and check cost more than the filters themselves. */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    OAuth2TokenValidator<Jwt> passwordVersionCheck(JdbcTemplate jdbc, SecuritySettings settings) {
        return new PasswordVersionCheck(
                accountId -> jdbc
                        .queryForList(
                                "select password_version from command.credential where account_id = ?",
                                Integer.class,
                                accountId)
                        .stream()
                        .findFirst(),
                settings.passwordVersionCache());
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectMapper json) throws Exception {
        ProblemAuthenticationHandlers problems = new ProblemAuthenticationHandlers(json);
        return http.csrf(AbstractHttpConfigurer::disable)
                .cors(Customizer.withDefaults())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(
                        requests -> requests.requestMatchers(HttpMethod.GET, "/api/events", "/api/events/**")
                                .permitAll()
                                .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                                .permitAll()
                                .requestMatchers("/actuator/health/**", "/actuator/info", "/error")
                                .permitAll()
                                .requestMatchers("/api/admin/**", "/actuator/**")
                                .hasRole("ADMIN")
                                // a guest's session reads its one booking (checked against its booking claim), no more
                                .requestMatchers(HttpMethod.GET, "/api/bookings/*")
                                .hasAnyRole("CUSTOMER", "ADMIN", BearerTokens.GUEST_ROLE)
                                .anyRequest()
                                .hasAnyRole("CUSTOMER", "ADMIN"))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(BearerTokens.rolesConverter()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }

    @Bean
    WebSecurityCustomizer headerFirewall() {
        return BearerTokens.headerFirewall();
    }
}
