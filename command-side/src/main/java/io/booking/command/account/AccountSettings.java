package io.booking.command.account;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code booking.admin} and {@code booking.invitation} (defaults in command-side.yml).
 *
 * @param admin the first admin, created at start-up when both are set
 * @param invitation how long an invitation to set a password (an account an admin created) can be used
 */
@ConfigurationProperties("booking")
@Validated
public record AccountSettings(@NotNull Admin admin, @NotNull Invitation invitation) {

    public record Admin(String email, String password) {

        @Override
        public String toString() {
            return "Admin[email=redacted, password=redacted]";
        }
    }

    public record Invitation(@NotNull Duration ttl) {}
}
