package io.booking.platform;

import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/** How both apps read the command side's access tokens. */
public final class BearerTokens {

    /** The claim that lists an account's roles ({@code CUSTOMER}, {@code ADMIN}). */
    public static final String ROLES_CLAIM = "roles";

    /**
     * The role of a guest's short session: {@code sub} is the guest's subject id and {@link #BOOKING_CLAIM} names the
     * one booking it may see and cancel; never an account's role.
     */
    public static final String GUEST_ROLE = "GUEST";

    /** In a guest's token: the id of the one booking it grants. */
    public static final String BOOKING_CLAIM = "booking";

    private BearerTokens() {}

    /** {@code sub} is the account id; each role in {@code roles} becomes a {@code ROLE_} authority. */
    public static JwtAuthenticationConverter rolesConverter() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(ROLES_CLAIM);
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }

    /**
     * Spring's default check of header values runs a Unicode regex on every character of the bearer token, about a
     * tenth of a booking's CPU here; this refuses the same control characters with a plain loop.
     */
    public static WebSecurityCustomizer headerFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderValues(value -> value.chars().noneMatch(Character::isISOControl));
        return web -> web.httpFirewall(firewall);
    }
}
