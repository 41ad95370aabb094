package io.booking.command.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.booking.command.support.CommandApiTest;
import io.booking.testsupport.OpenApiFuzzer;
import io.booking.testsupport.OpenApiRules;
import io.booking.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every operation of the command side's OpenAPI document, fuzzed: none may answer 5xx, every refusal is a problem. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=command-side",
            "booking.admin.email=admin@fuzz.test",
            "booking.admin.password=admin-password",
            "booking.security.bcrypt-strength=4",
            // beside the suite's other cached contexts, within the database's 100 connections
            "spring.datasource.hikari.maximum-pool-size=3"
        })
@DirtiesContext
class ApiFuzzTest extends CommandApiTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Test
    void noOperationAnswers5xxAndEveryRefusalIsAProblem() throws Exception {
        String admin = login("admin@fuzz.test", "admin-password");
        List<OpenApiFuzzer.Request> requests = new OpenApiFuzzer(
                        json.readTree(http.getForObject("/v3/api-docs", String.class)), 20261205)
                .requests(12);
        List<String> failures = new ArrayList<>();
        for (OpenApiFuzzer.Request request : requests) {
            ResponseEntity<String> answer = http.exchange(
                    URI.create(http.getRootUri() + request.uri()),
                    HttpMethod.valueOf(request.method()),
                    new HttpEntity<>(request.body(), headers(request.authenticated() ? admin : null)),
                    String.class);
            int status = answer.getStatusCode().value();
            MediaType type = answer.getHeaders().getContentType();
            if (!OpenApiFuzzer.answeredWell(status, type == null ? null : type.toString())) {
                failures.add(request.method() + " " + request.uri() + ": " + status + " " + type);
            }
        }
        assertThat(requests).as("requests sent").hasSizeGreaterThan(100);
        assertThat(failures).isEmpty();
    }

    @Test
    void theDocumentServesAGeneratedClient() throws Exception {
        JsonNode document = json.readTree(http.getForObject("/v3/api-docs", String.class));
        assertThat(OpenApiRules.violations(
                        document, Set.of("events", "bookings", "waiting-list", "orders", "guests", "accounts")))
                .isEmpty();
        // the headers a client reads: the token on a change's 200 and on a creation's 201, where to read a creation
        assertThat(document.at("/paths/~1api~1accounts~1me/put/responses/200/headers/X-Consistency-Token"))
                .isNotEmpty();
        assertThat(document.at("/paths/~1api~1bookings/post/responses/201/headers/Location"))
                .isNotEmpty();
        assertThat(document.at("/paths/~1api~1auth~1token/post/responses/200/headers/X-Consistency-Token"))
                .isEmpty();
        assertThat(document.at("/paths/~1api~1auth~1token/post/responses/429/headers/Retry-After"))
                .isNotEmpty();
        // a write takes an Idempotency-Key, but one whose answer holds a secret
        assertThat(document.at("/paths/~1api~1accounts/post/parameters").toString())
                .contains("Idempotency-Key");
        assertThat(document.at("/paths/~1api~1auth~1token/post/parameters").toString())
                .doesNotContain("Idempotency-Key");
        // only what an operation can answer: a public one no 403, one without a body no 413
        assertThat(document.at("/paths/~1api~1accounts/post/responses/403")).isEmpty();
        assertThat(document.at("/paths/~1api~1auth~1token/post/responses/401")).isNotEmpty();
        assertThat(document.at("/paths/~1.well-known~1jwks.json/get/responses/413"))
                .isEmpty();
    }
}
