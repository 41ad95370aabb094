package io.booking.command.account;

import com.fasterxml.jackson.databind.JsonNode;
import io.booking.command.support.CommandApiTest;
import io.booking.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** CreateAccountOnBehalf and its one-time, expiring invitation over HTTP. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=command-side",
            "booking.admin.email=admin@behalf.test",
            "booking.admin.password=admin-password",
            "booking.security.bcrypt-strength=4",
            "spring.datasource.hikari.maximum-pool-size=5"
        })
class AccountOnBehalfApiTest extends CommandApiTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAdminCreatesAnAccountWithoutAPasswordThatNobodyCanLogInTo() throws Exception {
        String email = "behalf-" + UUID.randomUUID() + "@behalf.test";
        ResponseEntity<String> created = post(
                "/api/admin/accounts",
                admin(),
                Map.of("name", "Olive Behalf", "email", email, "phone", "+44 1632 960000"));

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        JsonNode answer = json.readTree(created.getBody());
        String accountId = answer.get("accountId").asText();
        assertThat(answer.get("invitationToken").asText()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(answer.get("invitationExpiresAt").asText()).isNotBlank();
        assertThat(jdbc.queryForObject(
                        "select password_hash from credential where account_id = ?", String.class, accountId))
                .isNull();
        assertThat(jdbc.queryForObject(
                        "select count(*) from personal_data_key where subject_id = ?", Long.class, accountId))
                .isOne();
        assertThat(jdbc.queryForObject(
                        "select count(*) from account_invitation where token_hash = ?",
                        Long.class,
                        answer.get("invitationToken").asText()))
                .as("only its hash is stored")
                .isZero();

        ResponseEntity<String> login = post("/api/auth/token", null, Map.of("email", email, "password", "anything-1"));
        ResponseEntity<String> wrongElsewhere = post(
                "/api/auth/token",
                null,
                Map.of("email", "nobody-" + UUID.randomUUID() + "@behalf.test", "password", "anything-1"));
        assertThat(login.getStatusCode().value()).isEqualTo(401);
        assertThat(json.readTree(login.getBody()).get("detail").asText())
                .isEqualTo(json.readTree(wrongElsewhere.getBody()).get("detail").asText());

        ResponseEntity<String> taken =
                post("/api/admin/accounts", admin(), Map.of("name", "Someone Else", "email", email.toUpperCase()));
        assertThat(taken.getStatusCode().value()).isEqualTo(409);
        assertThat(json.readTree(taken.getBody()).get("rule").asText()).isEqualTo("email-taken");
        assertThat(post(
                                "/api/accounts",
                                null,
                                Map.of("name", "Someone Else", "email", email, "password", "password-123"))
                        .getStatusCode()
                        .value())
                .isEqualTo(409);
    }

    @Test
    void theInvitationSetsThePasswordOnceAndIsRefusedWhenUsedAgain() throws Exception {
        String email = "invited-" + UUID.randomUUID() + "@behalf.test";
        String token = json.readTree(post("/api/admin/accounts", admin(), Map.of("name", "Ivy Invited", "email", email))
                        .getBody())
                .get("invitationToken")
                .asText();

        ResponseEntity<String> accepted =
                post("/api/accounts/invitation/accept", null, Map.of("token", token, "password", "my-own-password"));
        ResponseEntity<String> reused =
                post("/api/accounts/invitation/accept", null, Map.of("token", token, "password", "someone-elses"));

        assertThat(accepted.getStatusCode().value()).isEqualTo(200);
        assertThat(post("/api/auth/token", null, Map.of("email", email, "password", "my-own-password"))
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertThat(reused.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(reused.getBody()).get("rule").asText()).isEqualTo("invalid-invitation");
        assertThat(post("/api/auth/token", null, Map.of("email", email, "password", "someone-elses"))
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
    }

    @Test
    void anExpiredInvitationIsRefusedAndChangesNothing() throws Exception {
        String email = "late-" + UUID.randomUUID() + "@behalf.test";
        JsonNode created =
                json.readTree(post("/api/admin/accounts", admin(), Map.of("name", "Lee Late", "email", email))
                        .getBody());
        jdbc.update(
                "update account_invitation set expires_at = now() - interval '1 minute' where account_id = ?",
                created.get("accountId").asText());

        ResponseEntity<String> expired = post(
                "/api/accounts/invitation/accept",
                null,
                Map.of("token", created.get("invitationToken").asText(), "password", "too-late-now"));

        assertThat(expired.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(expired.getBody()).get("rule").asText()).isEqualTo("invitation-expired");
        assertThat(post("/api/auth/token", null, Map.of("email", email, "password", "too-late-now"))
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
    }

    @Test
    void withoutAnInvitationNoTokenIsHandedOut() throws Exception {
        ResponseEntity<String> created = post(
                "/api/admin/accounts",
                admin(),
                Map.of(
                        "name",
                        "Nia NoInvite",
                        "email",
                        "no-invite-" + UUID.randomUUID() + "@behalf.test",
                        "invite",
                        false));

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(json.readTree(created.getBody()).has("invitationToken")).isFalse();
    }

    @Test
    void badInputIs400NamingTheFieldAndOnlyAdminsMayCreate() throws Exception {
        ResponseEntity<String> noEmail = post("/api/admin/accounts", admin(), Map.of("name", "No Email"));
        ResponseEntity<String> shortPassword =
                post("/api/accounts/invitation/accept", null, Map.of("token", "whatever", "password", "short"));
        ResponseEntity<String> unknown = post(
                "/api/accounts/invitation/accept", null, Map.of("token", "not-a-token", "password", "long-enough-1"));
        String customerEmail = "plain-" + UUID.randomUUID() + "@behalf.test";
        post("/api/accounts", null, Map.of("name", "Plain", "email", customerEmail, "password", "password-123"));
        String customer = json.readTree(
                        post("/api/auth/token", null, Map.of("email", customerEmail, "password", "password-123"))
                                .getBody())
                .get("accessToken")
                .asText();
        Map<String, Object> valid = new HashMap<>(Map.of("name", "Ok", "email", "ok-" + UUID.randomUUID() + "@b.test"));

        assertThat(noEmail.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(noEmail.getBody()).at("/errors/0/field").asText())
                .isEqualTo("email");
        assertThat(shortPassword.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(shortPassword.getBody()).at("/errors/0/field").asText())
                .isEqualTo("password");
        assertThat(unknown.getStatusCode().value()).isEqualTo(400);
        assertThat(post("/api/admin/accounts", customer, valid).getStatusCode().value())
                .isEqualTo(403);
        assertThat(post("/api/admin/accounts", null, valid).getStatusCode().value())
                .isEqualTo(401);
    }

    private String admin() throws Exception {
        return json.readTree(post(
                                "/api/auth/token",
                                null,
                                Map.of("email", "admin@behalf.test", "password", "admin-password"))
                        .getBody())
                .get("accessToken")
                .asText();
    }
}
