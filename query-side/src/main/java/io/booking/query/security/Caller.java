package io.booking.query.security;

import io.booking.platform.BearerTokens;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is asking: the account id from the token's {@code sub} (a guest's subject id for a guest), whether they may see
 * every customer's data, and for a guest the one booking their session grants.
 */
public record Caller(String accountId, boolean admin, String guestBookingId) {

    public Caller(String accountId, boolean admin) {
        this(accountId, admin, null);
    }

    public static Caller of(Authentication authentication) {
        boolean admin = authentication.getAuthorities().stream()
                .anyMatch(authority -> "ROLE_ADMIN".equals(authority.getAuthority()));
        boolean guest = authentication.getAuthorities().stream()
                .anyMatch(authority -> ("ROLE_" + BearerTokens.GUEST_ROLE).equals(authority.getAuthority()));
        String granted = null;
        if (guest) {
            granted = authentication instanceof JwtAuthenticationToken jwt
                    ? jwt.getToken().getClaimAsString(BearerTokens.BOOKING_CLAIM)
                    : null;
            granted = granted == null ? "" : granted;
        }
        return new Caller(authentication.getName(), admin && !guest, granted);
    }

    /** A guest's session grants only the booking it names. */
    public boolean maySeeBooking(String bookingId, String customerId) {
        return maySee(customerId) && (guestBookingId == null || guestBookingId.equals(bookingId));
    }

    public boolean maySee(String customerId) {
        return admin || accountId.equals(customerId);
    }
}
