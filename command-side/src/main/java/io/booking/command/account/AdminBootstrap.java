package io.booking.command.account;

import io.booking.command.consistency.CommandDispatcher;
import io.booking.command.security.Actor;
import io.booking.shared.account.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.util.UUID;

/** Creates the first admin from configuration when no account has that email yet. */
@Component
public class AdminBootstrap {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final CommandDispatcher dispatcher;
    private final Credentials credentials;
    private final PasswordEncoder passwords;
    private final String email;
    private final String password;

    public AdminBootstrap(
            CommandDispatcher dispatcher,
            Credentials credentials,
            PasswordEncoder passwords,
            AccountSettings settings) {
        this.dispatcher = dispatcher;
        this.credentials = credentials;
        this.passwords = passwords;
        this.email = settings.admin().email();
        this.password = settings.admin().password();
    }

    @EventListener(ApplicationReadyEvent.class)
    public void createFirstAdmin() {
        if (email.isBlank() || password.isBlank()) {
            log.info("no first admin configured (BOOKING_ADMIN_EMAIL, BOOKING_ADMIN_PASSWORD)");
            return;
        }
        if (credentials.findByEmail(email).isPresent()) {
            return;
        }
        try {
            dispatcher.send(
                    new RegisterAccount(
                            UUID.randomUUID().toString(),
                            "Administrator",
                            email,
                            null,
                            passwords.encode(password),
                            Role.ADMIN),
                    Actor.SYSTEM);
            log.info("first admin account created");
        } catch (RuntimeException e) {
            // another instance created it at the same moment
            log.info("first admin account not created here: {}", e.getClass().getSimpleName());
        }
    }
}
