package io.booking.command.security;

import io.booking.command.support.CommandApiTest;
import io.booking.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Password guessing and sign-up floods are refused: one account's logins from anywhere, and one address's tries at
 * the endpoints without a token, are limited per minute; beyond, 429 with Retry-After, whatever was sent.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=command-side",
            "booking.admin.email=admin@limits.test",
            "booking.admin.password=admin-password",
            "booking.security.bcrypt-strength=4",
            "booking.attempt-limits.per-client-per-minute=6",
            "booking.attempt-limits.per-account-per-minute=2",
            "spring.datasource.hikari.maximum-pool-size=3"
        })
@DirtiesContext
class AttemptLimitsTest extends CommandApiTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Test
    void guessingAPasswordAndFloodingSignUpsAreRefused() throws Exception {
        Map<String, String> wrong = Map.of("email", "admin@limits.test", "password", "guess-1234");
        assertThat(post("/api/auth/token", null, wrong).getStatusCode().value()).isEqualTo(401);
        assertThat(post("/api/auth/token", null, wrong).getStatusCode().value()).isEqualTo(401);
        // the right password too: the account's tries are used up for now
        ResponseEntity<String> limited =
                post("/api/auth/token", null, Map.of("email", "Admin@Limits.test", "password", "admin-password"));
        assertTooMany(limited);

        // three more tries from this address, then none
        for (int i = 0; i < 3; i++) {
            assertThat(register().getStatusCode().value()).isEqualTo(201);
        }
        assertTooMany(register());
    }

    private ResponseEntity<String> register() {
        return post(
                "/api/accounts",
                null,
                Map.of(
                        "name",
                        "Flood",
                        "email",
                        "flood-" + UUID.randomUUID() + "@limits.test",
                        "password",
                        "password-123"));
    }

    private void assertTooMany(ResponseEntity<String> answer) throws Exception {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(429);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(Long.parseLong(answer.getHeaders().getFirst("Retry-After"))).isBetween(1L, 60L);
        assertThat(json.readTree(answer.getBody()).get("rule").asText()).isEqualTo("too-many-attempts");
    }
}
