package io.booking.command.account;

import io.booking.command.consistency.CommandDispatcher;
import io.booking.command.consistency.ConsistencyToken;
import io.booking.command.security.Actor;
import io.booking.shared.account.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
@RequestMapping("/api/accounts")
public class AccountController {

    private final CommandDispatcher dispatcher;
    private final PasswordEncoder passwords;

    public AccountController(CommandDispatcher dispatcher, PasswordEncoder passwords) {
        this.dispatcher = dispatcher;
        this.passwords = passwords;
    }

    @Operation(summary = "Register a customer account (409 when the email is taken)")
    @SecurityRequirements // public: no bearer token needed
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public ResponseEntity<AccountRegistration> register(@Valid @RequestBody RegistrationRequest request) {
        String accountId = UUID.randomUUID().toString();
        var dispatched = dispatcher.<String>send(new RegisterAccount(accountId, request.name().trim(),
                request.email().trim(), request.phone(), passwords.encode(request.password()), Role.CUSTOMER),
                Actor.anonymous());
        return ConsistencyToken.created(new AccountRegistration(accountId, ConsistencyToken.orNull(dispatched.position())),
                dispatched.position());
    }

    public record RegistrationRequest(@NotBlank @Size(max = 200) String name,
                                      @NotBlank @Email @Size(max = 320) String email,
                                      @Size(max = 40) @Pattern(regexp = "^[+0-9 ()-]*$", message = "digits, spaces, +, -, ( and ) only") String phone,
                                      @NotBlank @Size(min = 8, max = 200) String password) {

        @Override
        public String toString() {
            return "RegistrationRequest[redacted]";
        }
    }

    public record AccountRegistration(String accountId, Long consistencyToken) {
    }
}
