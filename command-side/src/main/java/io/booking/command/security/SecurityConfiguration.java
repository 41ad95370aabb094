package io.booking.command.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import io.booking.platform.BearerTokens;
import io.booking.platform.ProblemAuthenticationHandlers;
import io.booking.platform.VerifiedTokenCache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.web.SecurityFilterChain;

import java.util.Map;

@Configuration
public class SecurityConfiguration {

    /** An observation around every security filter and check cost more than the filters themselves. */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain commandApi(HttpSecurity http, ObjectMapper json) throws Exception {
        ProblemAuthenticationHandlers problems = new ProblemAuthenticationHandlers(json);
        return http.csrf(csrf -> csrf.disable())
                .cors(Customizer.withDefaults())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                HttpMethod.POST,
                                "/api/accounts",
                                "/api/auth/token",
                                "/api/auth/refresh",
                                "/api/auth/password-reset",
                                "/api/auth/password-reset/confirm",
                                "/api/guest/bookings",
                                "/api/guest/session",
                                "/api/accounts/invitation/accept")
                        .permitAll()
                        .requestMatchers(
                                "/.well-known/jwks.json",
                                "/v3/api-docs/**",
                                "/swagger-ui/**",
                                "/swagger-ui.html",
                                "/actuator/health/**",
                                "/actuator/info",
                                "/error")
                        .permitAll()
                        .requestMatchers("/api/admin/**", "/actuator/**")
                        .hasRole("ADMIN")
                        // a guest's session may cancel its one booking (checked against its booking claim), no more
                        .requestMatchers(
                                HttpMethod.POST,
                                "/api/bookings/*/cancellation",
                                "/api/bookings/*/tickets/*/cancellation")
                        .hasAnyRole("CUSTOMER", "ADMIN", BearerTokens.GUEST_ROLE)
                        .anyRequest()
                        .hasAnyRole("CUSTOMER", "ADMIN"))
                .oauth2ResourceServer(rs -> rs.jwt(jwt -> jwt.jwtAuthenticationConverter(BearerTokens.rolesConverter()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }

    @Bean
    WebSecurityCustomizer headerFirewall() {
        return BearerTokens.headerFirewall();
    }

    @Bean
    JwtEncoder jwtEncoder(SigningKeys keys) {
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(keys.signingKey())));
    }

    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys, PasswordVersions passwordVersions, SecuritySettings settings)
            throws JOSEException {
        NimbusJwtDecoder signatureOnly = NimbusJwtDecoder.withPublicKey(
                        keys.signingKey().toRSAPublicKey())
                .build();
        signatureOnly.setJwtValidator(VerifiedTokenCache.noValidation());
        // a token issued before the account's password was changed is refused
        return new VerifiedTokenCache(
                signatureOnly,
                new DelegatingOAuth2TokenValidator<>(
                        JwtValidators.createDefaultWithIssuer(settings.issuer()), passwordVersions));
    }

    @Bean
    PasswordEncoder passwordEncoder(SecuritySettings settings) {
        int strength = settings.bcryptStrength();
        DelegatingPasswordEncoder encoder =
                new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(strength)));
        return encoder;
    }
}
