package io.booking.command.account;

import io.booking.command.CommandRefused;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "accounts")
@RestController
public class PasswordResetController {

    private final PasswordResets resets;

    public PasswordResetController(PasswordResets resets) {
        this.resets = resets;
    }

    @Operation(
            operationId = "requestPasswordReset",
            summary = "Ask for a password reset code by mail",
            description = "Always 202: the answer never says whether an account has the email. When one has, a 6-digit "
                    + "code is mailed to it; it works once, expires (booking.password-reset.code-ttl) and allows a few "
                    + "wrong tries (booking.password-reset.max-attempts). A new request replaces the open code; past "
                    + "booking.password-reset.max-requests codes within request-window (3 an hour) nothing is mailed "
                    + "and the open code stays.")
    @SecurityRequirements // public: no bearer token needed
    @PostMapping("/api/auth/password-reset")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public void request(@Valid @RequestBody ResetRequest request) {
        resets.request(request.email().trim());
    }

    @Operation(
            operationId = "confirmPasswordReset",
            summary = "Set a new password with the mailed code",
            description = "204 when the code is right: the password is changed and every token issued before is "
                    + "refused by the command side. 400 invalid-code for a wrong, expired, used or exhausted code and "
                    + "for an unknown email alike.")
    @SecurityRequirements // public: no bearer token needed
    @PostMapping("/api/auth/password-reset/confirm")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void confirm(@Valid @RequestBody ConfirmRequest request) {
        if (!resets.confirm(request.email().trim(), request.code().trim(), request.newPassword())) {
            throw CommandRefused.invalid(
                    "invalid-code", "the code is wrong, expired, already used or tried too often; ask for a new one");
        }
    }

    public record ResetRequest(
            @NotBlank @Email @Size(max = 320) String email) {

        @Override
        public String toString() {
            return "ResetRequest[redacted]";
        }
    }

    public record ConfirmRequest(
            @NotBlank @Size(max = 320) String email,
            @NotBlank @Size(max = 20) String code,
            @NotBlank @Size(min = 8, max = 200) String newPassword) {

        @Override
        public String toString() {
            return "ConfirmRequest[redacted]";
        }
    }
}
