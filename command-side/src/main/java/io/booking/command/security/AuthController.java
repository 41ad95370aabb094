package io.booking.command.security;

import io.booking.command.account.Credentials;
import io.booking.platform.AttemptLimits;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Locale;
import java.util.Map;

@Tag(name = "accounts")
@RestController
public class AuthController {

    private final Credentials credentials;
    private final PasswordEncoder passwords;
    private final TokenIssuer tokens;
    private final SigningKeys keys;
    // checked when the email is unknown, so both failures cost the same time and say the same thing
    private final String noSuchAccountHash;

    private final AttemptLimits attempts;
    private final int attemptsPerAccount;
    private final RefreshTokens refreshTokens;

    public AuthController(
            Credentials credentials,
            PasswordEncoder passwords,
            TokenIssuer tokens,
            SigningKeys keys,
            AttemptLimits attempts,
            AttemptLimitSettings limits,
            RefreshTokens refreshTokens) {
        this.refreshTokens = refreshTokens;
        this.credentials = credentials;
        this.passwords = passwords;
        this.tokens = tokens;
        this.keys = keys;
        this.attempts = attempts;
        this.attemptsPerAccount = limits.perAccountPerMinute();
        this.noSuchAccountHash = passwords.encode(java.util.UUID.randomUUID().toString());
    }

    @Operation(operationId = "logIn", summary = "Exchange email and password for a bearer access token")
    @SecurityRequirements // public: no bearer token needed
    @PostMapping("/api/auth/token")
    @ApiResponse(responseCode = "200", description = "an access token and the refresh token that renews it")
    @ApiResponse(
            responseCode = "401",
            description = "the email or the password is wrong (which, it does not say)",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    public TokenIssuer.AccessToken token(@Valid @RequestBody LoginRequest request) {
        // guessing one account's password from many addresses is limited too
        attempts.attempt("login:" + request.email().trim().toLowerCase(Locale.ROOT), attemptsPerAccount);
        var credential = credentials.findByEmail(request.email());
        String hash = credential.map(Credentials.Credential::passwordHash).orElse(noSuchAccountHash);
        if (!passwords.matches(request.password(), hash) || credential.isEmpty()) {
            throw new BadCredentialsException("email or password is wrong");
        }
        Credentials.Credential account = credential.get();
        return tokens.issue(account.accountId(), account.role(), account.passwordVersion())
                .withRefreshToken(refreshTokens.start(account.accountId(), account.passwordVersion()));
    }

    @Operation(
            operationId = "refreshToken",
            summary = "Exchange a refresh token for a new access token and the next refresh token",
            description = "Each refresh token works once: the answer brings the next. 401 for one that is unknown, "
                    + "expired, used before (which also ends every token issued from the same login), or older than "
                    + "the account's password, or of a deleted account.")
    @SecurityRequirements // public: the refresh token is the credential
    @PostMapping("/api/auth/refresh")
    @ApiResponse(responseCode = "200", description = "a new access token and the next refresh token")
    @ApiResponse(
            responseCode = "401",
            description = "the refresh token is not valid (unknown, expired, used, or its account changed)",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    public TokenIssuer.AccessToken refresh(@Valid @RequestBody RefreshRequest request) {
        RefreshTokens.Holder holder = refreshTokens
                .use(request.refreshToken())
                .orElseThrow(() -> new BadCredentialsException("the refresh token is not valid"));
        Credentials.Credential account = credentials
                .findById(holder.accountId())
                .filter(found -> found.passwordVersion() == holder.passwordVersion())
                .orElseThrow(() -> new BadCredentialsException("the refresh token is not valid"));
        return tokens.issue(account.accountId(), account.role(), account.passwordVersion())
                .withRefreshToken(refreshTokens.issue(holder));
    }

    public record RefreshRequest(@NotBlank @Size(max = 100) String refreshToken) {

        @Override
        public String toString() {
            return "RefreshRequest[redacted]";
        }
    }

    @Operation(operationId = "tokenSigningKeys", summary = "The public keys that verify access tokens (JWK set)")
    @SecurityRequirements // public: no bearer token needed
    @GetMapping("/.well-known/jwks.json")
    public Map<String, Object> jwks() {
        return keys.publicKeys().toJSONObject();
    }

    public record LoginRequest(
            @NotBlank @Size(max = 320) String email,
            @NotBlank @Size(max = 200) String password) {

        @Override
        public String toString() {
            return "LoginRequest[redacted]";
        }
    }
}
