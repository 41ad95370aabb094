package io.booking.command.account;

import io.booking.command.CommandRefused;
import io.booking.command.booking.UpcomingBookings;
import io.booking.command.notification.Notifications;
import io.booking.command.personal.PersonalDataKeyStore;
import io.booking.command.security.PasswordVersions;
import io.booking.command.security.RefreshTokens;
import io.booking.command.waitinglist.WaitingLists;
import io.booking.shared.account.Role;
import io.booking.shared.personal.PersonalData;
import io.booking.shared.personal.PersonalDataCipher;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Registers an account in one transaction: the unique email and the password hash in the credentials table, a new
 * personal-data key for the person, and the account's first event with its personal fields sealed by that key.
 * Deletes one in one transaction too: the upcoming bookings cancelled (when asked), {@code AccountDeleted}, the
 * credentials gone (the email is free) and the personal-data key destroyed.
 */
@Component
public class AccountCommandHandler {

    private final Credentials credentials;
    private final PersonalDataKeyStore keys;
    private final CommandGateway commands;
    private final UpcomingBookings upcomingBookings;
    private final Invitations invitations;
    private final Notifications notifications;
    private final WaitingLists waitingLists;
    private final PasswordVersions passwordVersions;
    private final RefreshTokens refreshTokens;
    private final Clock clock;

    public AccountCommandHandler(
            Credentials credentials,
            PersonalDataKeyStore keys,
            CommandGateway commands,
            UpcomingBookings upcomingBookings,
            Invitations invitations,
            Clock clock,
            Notifications notifications,
            WaitingLists waitingLists,
            PasswordVersions passwordVersions,
            RefreshTokens refreshTokens) {
        this.waitingLists = waitingLists;
        this.passwordVersions = passwordVersions;
        this.refreshTokens = refreshTokens;
        this.invitations = invitations;
        this.notifications = notifications;
        this.clock = clock;
        this.credentials = credentials;
        this.keys = keys;
        this.commands = commands;
        this.upcomingBookings = upcomingBookings;
    }

    @CommandHandler
    public String handle(RegisterAccount command) {
        if (!credentials.claim(command.accountId(), command.email(), command.passwordHash(), command.role())) {
            throw CommandRefused.notAllowed("email-taken", "an account with this email already exists");
        }
        String subject = command.accountId();
        byte[] key = keys.createKeyFor(subject);
        commands.sendAndWait(new OpenAccount(
                command.accountId(),
                PersonalDataCipher.seal(subject, key, command.name()),
                PersonalDataCipher.seal(subject, key, command.email()),
                command.phone() == null ? null : PersonalDataCipher.seal(subject, key, command.phone()),
                command.role()));
        return command.accountId();
    }

    /**
     * An account without a password (its credential row has none, so no login matches it), with an invitation when
     * asked: both in the transaction of {@code AccountRegistered}.
     */
    @CommandHandler
    public String handle(CreateAccountOnBehalf command) {
        handle(new RegisterAccount(
                command.accountId(), command.name(), command.email(), command.phone(), null, Role.CUSTOMER));
        if (command.invitationHash() != null) {
            invitations.create(command.invitationHash(), command.accountId(), command.invitationExpiresAt());
            notifications.invitation(
                    command.accountId(), command.email(), command.invitationToken(), command.invitationExpiresAt());
        }
        return command.accountId();
    }

    /** Sets the password once; a used, unknown or expired invitation is refused (400) and changes nothing. */
    @CommandHandler
    public String handle(AcceptInvitation command) {
        Invitations.Invitation invitation = invitations
                .take(command.invitationHash())
                .orElseThrow(() ->
                        CommandRefused.invalid("invalid-invitation", "the invitation is unknown or was already used"));
        if (!invitation.expiresAt().isAfter(clock.instant())) {
            throw CommandRefused.invalid("invitation-expired", "the invitation has expired");
        }
        if (!credentials.setPassword(invitation.accountId(), command.passwordHash())) {
            throw CommandRefused.invalid("invalid-invitation", "the invitation's account no longer exists");
        }
        return invitation.accountId();
    }

    /** The email moves in the credentials table first: taken by another account, nothing changes (409). */
    @CommandHandler
    public void handle(UpdateAccount command) {
        String subject = command.accountId();
        switch (credentials.changeEmail(subject, command.email())) {
            case NO_SUCH_ACCOUNT -> throw CommandRefused.unknown("no-such-account", "no such account");
            case TAKEN -> throw CommandRefused.notAllowed("email-taken", "an account with this email already exists");
            case CHANGED -> {}
        }
        byte[] key = keys.find(subject)
                .orElseThrow(() -> CommandRefused.unknown("no-such-account", "the account was deleted"));
        Map<String, PersonalData> customFields = new TreeMap<>();
        command.customFields()
                .forEach((field, value) -> customFields.put(field, PersonalDataCipher.seal(subject, key, value)));
        commands.sendAndWait(new ChangeAccountDetails(
                subject,
                PersonalDataCipher.seal(subject, key, command.name()),
                PersonalDataCipher.seal(subject, key, command.email()),
                command.phone() == null ? null : PersonalDataCipher.seal(subject, key, command.phone()),
                customFields));
    }

    /** @return how many upcoming bookings were cancelled with the account */
    @CommandHandler
    public int handle(RequestAccountDeletion command) {
        String accountId = command.accountId();
        if (!credentials.lockForDeletion(accountId)) {
            throw CommandRefused.unknown("no-such-account", "no such account");
        }
        List<UpcomingBookings.Upcoming> upcoming = upcomingBookings.of(accountId);
        if (!upcoming.isEmpty() && !command.cancelUpcomingBookings()) {
            throw new CommandRefused(
                    CommandRefused.Kind.NOT_ALLOWED,
                    "upcoming-bookings",
                    "the account holds " + upcoming.size() + " active booking(s) of events still to come; cancel them "
                            + "first or ask for them to be cancelled with the account (cancelUpcomingBookings)",
                    Map.of("upcomingBookings", upcoming.size()));
        }
        upcomingBookings.cancel(upcoming, command.requesterId(), command.byAdmin());
        // a deleted customer can no longer book: their places in line, and any seats an offer holds, go to the next
        waitingLists.leaveAllOf(accountId);
        commands.sendAndWait(new DeleteAccount(accountId, command.byAdmin(), upcoming.size()));
        credentials.remove(accountId);
        // the account's tokens stop working here at once, on the query side within its version cache
        passwordVersions.changing(accountId);
        refreshTokens.endAllOf(accountId);
        invitations.removeAllOf(accountId);
        keys.destroyKeyOf(accountId);
        return upcoming.size();
    }
}
