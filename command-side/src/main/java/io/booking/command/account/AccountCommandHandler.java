package io.booking.command.account;

import io.booking.command.CommandRefused;
import io.booking.command.personal.PersonalDataKeyStore;
import io.booking.shared.personal.PersonalDataCipher;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * Registers an account in one transaction: the unique email and the password hash in the credentials table, a new
 * personal-data key for the person, and the account's first event with its personal fields sealed by that key.
 */
@Component
public class AccountCommandHandler {

    private final Credentials credentials;
    private final PersonalDataKeyStore keys;
    private final CommandGateway commands;

    public AccountCommandHandler(Credentials credentials, PersonalDataKeyStore keys, CommandGateway commands) {
        this.credentials = credentials;
        this.keys = keys;
        this.commands = commands;
    }

    @CommandHandler
    public String handle(RegisterAccount command) {
        if (!credentials.claim(command.accountId(), command.email(), command.passwordHash(), command.role())) {
            throw CommandRefused.conflict("email-taken", "an account with this email already exists");
        }
        String subject = command.accountId();
        byte[] key = keys.createKeyFor(subject);
        commands.sendAndWait(new OpenAccount(command.accountId(),
                PersonalDataCipher.seal(subject, key, command.name()),
                PersonalDataCipher.seal(subject, key, command.email()),
                command.phone() == null ? null : PersonalDataCipher.seal(subject, key, command.phone()),
                command.role()));
        return command.accountId();
    }
}
