package io.booking.command.security;

import io.booking.platform.BearerTokens;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Who caused a change; every event's metadata names one. */
public record Actor(Kind kind, String id) {

    public enum Kind {
        CUSTOMER,
        ADMIN,
        GUEST,
        SYSTEM,
        ANONYMOUS
    }

    public static final Actor SYSTEM = new Actor(Kind.SYSTEM, "system");

    public static Actor anonymous() {
        return new Actor(Kind.ANONYMOUS, "anonymous");
    }

    public static Actor of(Authentication authentication) {
        if (!(authentication instanceof JwtAuthenticationToken jwt)) {
            return anonymous();
        }
        boolean admin = jwt.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
        boolean guest = jwt.getAuthorities().stream()
                .anyMatch(a -> ("ROLE_" + BearerTokens.GUEST_ROLE).equals(a.getAuthority()));
        return new Actor(admin ? Kind.ADMIN : guest ? Kind.GUEST : Kind.CUSTOMER, jwt.getName());
    }

    /**
     * A guest's session grants one booking: the id it names, or null for a caller who is not a guest.
     */
    public static String guestBookingOf(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken jwt
                && jwt.getAuthorities().stream()
                        .anyMatch(a -> ("ROLE_" + BearerTokens.GUEST_ROLE).equals(a.getAuthority()))) {
            String booking = jwt.getToken().getClaimAsString(BearerTokens.BOOKING_CLAIM);
            return booking == null ? "" : booking;
        }
        return null;
    }

    public boolean isAdmin() {
        return kind == Kind.ADMIN;
    }

    /** As written into event metadata, e.g. {@code customer:5f0c...}. */
    public String asMetaData() {
        return kind.name().toLowerCase() + ":" + id;
    }
}
