package io.booking.command.account;

import io.booking.command.CommandRefused;
import io.booking.command.consistency.CommandDispatcher;
import io.booking.command.consistency.ConsistencyToken;
import io.booking.command.security.Actor;
import io.booking.command.security.OneTimeTokens;
import io.booking.shared.account.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

@Tag(name = "accounts")
@RestController
public class AccountController {

    private final CommandDispatcher dispatcher;
    private final PasswordEncoder passwords;
    private final Credentials credentials;

    private final Clock clock;
    private final Duration invitationTtl;

    public AccountController(
            CommandDispatcher dispatcher,
            PasswordEncoder passwords,
            Credentials credentials,
            Clock clock,
            AccountSettings settings) {
        this.clock = clock;
        this.invitationTtl = settings.invitation().ttl();
        this.dispatcher = dispatcher;
        this.passwords = passwords;
        this.credentials = credentials;
    }

    @Operation(operationId = "register", summary = "Register a customer account (409 when the email is taken)")
    @SecurityRequirements // public: no bearer token needed
    @PostMapping("/api/accounts")
    @ResponseStatus(HttpStatus.CREATED)
    public ResponseEntity<AccountRegistration> register(@Valid @RequestBody RegistrationRequest request) {
        String accountId = UUID.randomUUID().toString();
        var dispatched = dispatcher.<String>send(
                new RegisterAccount(
                        accountId,
                        request.name().trim(),
                        request.email().trim(),
                        request.phone(),
                        passwords.encode(request.password()),
                        Role.CUSTOMER),
                Actor.anonymous());
        return ConsistencyToken.created(
                new AccountRegistration(accountId, ConsistencyToken.orNull(dispatched.position())),
                dispatched.position());
    }

    @Operation(
            operationId = "createAccountOnBehalf",
            summary = "Create a customer's account on their behalf (admin)",
            description = "The account has no password: nobody can log in to it (401, as for a wrong password) until "
                    + "the customer sets one with the invitation. With invite true (the default) the answer carries "
                    + "invitationToken, shown once, and its expiry; the same link is mailed to the customer. "
                    + "409 email-taken as for registration.")
    @PostMapping("/api/admin/accounts")
    @ResponseStatus(HttpStatus.CREATED)
    public ResponseEntity<AccountOnBehalf> createOnBehalf(
            @Valid @RequestBody OnBehalfRequest request, Authentication caller) {
        String accountId = UUID.randomUUID().toString();
        boolean invite = request.invite() == null || request.invite();
        String token = invite ? OneTimeTokens.newToken() : null;
        Instant expiresAt = invite ? clock.instant().plus(invitationTtl) : null;
        var dispatched = dispatcher.<String>send(
                new CreateAccountOnBehalf(
                        accountId,
                        request.name().trim(),
                        request.email().trim(),
                        request.phone() == null || request.phone().isBlank() ? null : request.phone(),
                        token,
                        invite ? OneTimeTokens.hash(token) : null,
                        expiresAt),
                Actor.of(caller));
        return ConsistencyToken.created(
                new AccountOnBehalf(accountId, token, expiresAt, ConsistencyToken.orNull(dispatched.position())),
                dispatched.position());
    }

    @Operation(
            operationId = "acceptInvitation",
            summary = "Set my password with the invitation an admin's account creation gave me",
            description = "One time only: 400 invalid-invitation for an unknown or used token, 400 invitation-expired "
                    + "after its expiry. The token goes in the body, never in a URL.")
    @SecurityRequirements // public: the invitation is the credential
    @PostMapping("/api/accounts/invitation/accept")
    public InvitationAccepted acceptInvitation(@Valid @RequestBody InvitationRequest request) {
        var dispatched = dispatcher.<String>send(
                new AcceptInvitation(OneTimeTokens.hash(request.token()), passwords.encode(request.password())),
                Actor.anonymous());
        return new InvitationAccepted(dispatched.result());
    }

    public record OnBehalfRequest(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Email @Size(max = 320) String email,

            @Size(max = 40) @Pattern(regexp = "^[+0-9 ()-]*$", message = "digits, spaces, +, -, ( and ) only")
            String phone,

            Boolean invite) {

        @Override
        public String toString() {
            return "OnBehalfRequest[redacted]";
        }
    }

    /** @param invitationToken shown once; absent without an invitation */
    public record AccountOnBehalf(
            String accountId,
            @Nullable String invitationToken,
            @Nullable Instant invitationExpiresAt,
            @Nullable Long consistencyToken) {

        @Override
        public String toString() {
            return "AccountOnBehalf[accountId=" + accountId + "]";
        }
    }

    public record InvitationRequest(
            @NotBlank @Size(max = 100) String token,
            @NotBlank @Size(min = 8, max = 200) String password) {

        @Override
        public String toString() {
            return "InvitationRequest[redacted]";
        }
    }

    public record InvitationAccepted(String accountId) {}

    @Operation(
            operationId = "updateMyAccount",
            summary = "Change my name, email and phone",
            description = "409 email-taken when another account has the email (compared case-insensitively); the new "
                    + "email logs in from then on and the old one is free.")
    @PutMapping("/api/accounts/me")
    public ResponseEntity<AccountUpdate> update(@Valid @RequestBody UpdateRequest request, Authentication caller) {
        Actor actor = Actor.of(caller);
        var dispatched = dispatcher.send(
                new UpdateAccount(
                        actor.id(),
                        request.name().trim(),
                        request.email().trim(),
                        request.phone(),
                        request.customFields() == null ? Map.of() : Map.copyOf(request.customFields())),
                actor);
        return ConsistencyToken.ok(
                new AccountUpdate(actor.id(), ConsistencyToken.orNull(dispatched.position())), dispatched.position());
    }

    /** @param customFields the organiser's own account fields (e.g. a membership number), up to 20 */
    public record UpdateRequest(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Email @Size(max = 320) String email,

            @Size(max = 40) @Pattern(regexp = "^[+0-9 ()-]*$", message = "digits, spaces, +, -, ( and ) only")
            String phone,

            @Size(max = 20) Map<@NotBlank @Size(max = 100) String, @NotNull @Size(max = 1000) String> customFields) {

        @Override
        public String toString() {
            return "UpdateRequest[redacted]";
        }
    }

    public record AccountUpdate(String accountId, @Nullable Long consistencyToken) {}

    @Operation(
            operationId = "deleteMyAccount",
            summary = "Delete my account, confirming with my password",
            description = "My personal data is erased everywhere (its key is destroyed) and my email is free again; my "
                    + "bookings stay for the organisers' reports, as a deleted customer's. 409 upcoming-bookings (with "
                    + "their number in upcomingBookings) while I hold active bookings of events still to come, unless "
                    + "cancelUpcomingBookings is true: then they are cancelled in the same step, within each event's "
                    + "cancellation policy. 401 for a wrong password; 404 no-such-account once deleted.")
    @DeleteMapping("/api/accounts/me")
    public ResponseEntity<DeletionAnswer> deleteMine(
            @Valid @RequestBody OwnDeletionRequest request, Authentication caller) {
        Actor actor = Actor.of(caller);
        Credentials.Credential credential = credentials
                .findById(actor.id())
                .orElseThrow(() -> CommandRefused.unknown("no-such-account", "no such account"));
        if (credential.passwordHash() == null || !passwords.matches(request.password(), credential.passwordHash())) {
            throw new BadCredentialsException("password is wrong");
        }
        return delete(
                new RequestAccountDeletion(actor.id(), actor.id(), false, request.cancelUpcomingBookings()), actor);
    }

    @Operation(
            operationId = "deleteAccount",
            summary = "Delete a customer's account (admin)",
            description =
                    "As a customer's own deletion, without the password; upcoming bookings are cancelled at any "
                            + "time when cancelUpcomingBookings is true. 404 no-such-account for an unknown or deleted account.")
    @DeleteMapping("/api/admin/accounts/{accountId}")
    public ResponseEntity<DeletionAnswer> deleteAny(
            @PathVariable UUID accountId,
            @Valid @RequestBody(required = false) AdminDeletionRequest request,
            Authentication caller) {
        Actor actor = Actor.of(caller);
        boolean cancel = request != null && request.cancelUpcomingBookings();
        return delete(new RequestAccountDeletion(accountId.toString(), actor.id(), true, cancel), actor);
    }

    private ResponseEntity<DeletionAnswer> delete(RequestAccountDeletion request, Actor actor) {
        var dispatched = dispatcher.<Integer>send(request, actor);
        return ConsistencyToken.ok(
                new DeletionAnswer(
                        request.accountId(), dispatched.result(), ConsistencyToken.orNull(dispatched.position())),
                dispatched.position());
    }

    public record OwnDeletionRequest(
            @NotBlank @Size(max = 200) String password, boolean cancelUpcomingBookings) {

        @Override
        public String toString() {
            return "OwnDeletionRequest[redacted]";
        }
    }

    public record AdminDeletionRequest(boolean cancelUpcomingBookings) {}

    /** @param cancelledBookings how many upcoming bookings were cancelled with the account */
    public record DeletionAnswer(
            String accountId,
            int cancelledBookings,
            @Nullable Long consistencyToken) {}

    public record RegistrationRequest(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Email @Size(max = 320) String email,

            @Size(max = 40) @Pattern(regexp = "^[+0-9 ()-]*$", message = "digits, spaces, +, -, ( and ) only")
            String phone,

            @NotBlank @Size(min = 8, max = 200) String password) {

        @Override
        public String toString() {
            return "RegistrationRequest[redacted]";
        }
    }

    public record AccountRegistration(
            String accountId, @Nullable Long consistencyToken) {}
}
