package io.booking.query.security;

import org.springframework.security.core.Authentication;

/** Who is asking: the account id from the token's {@code sub}, and whether they may see every customer's data. */
public record Caller(String accountId, boolean admin) {

    public static Caller of(Authentication authentication) {
        boolean admin = authentication.getAuthorities().stream()
                .anyMatch(authority -> "ROLE_ADMIN".equals(authority.getAuthority()));
        return new Caller(authentication.getName(), admin);
    }

    public boolean maySee(String customerId) {
        return admin || accountId.equals(customerId);
    }
}
