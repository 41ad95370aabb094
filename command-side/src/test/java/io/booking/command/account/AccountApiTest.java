package io.booking.command.account;

import com.fasterxml.jackson.databind.JsonNode;
import io.booking.command.personal.PersonalDataKeyStore;
import io.booking.command.support.CommandApiTest;
import io.booking.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** UpdateAccount and DeleteAccount over HTTP: who may, what refuses them, and what is left afterwards. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=command-side",
            "booking.admin.email=admin@deletion.test",
            "booking.admin.password=admin-password",
            "booking.security.bcrypt-strength=4"
        })
class AccountApiTest extends CommandApiTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PersonalDataKeyStore keys;

    @Test
    void upcomingBookingsRefuseTheDeletionNamingHowManyAndNothingChanges() throws Exception {
        String email = "upcoming-" + UUID.randomUUID() + "@deletion.test";
        String accountId = register(email);
        String token = login(email, "password-123");
        JsonNode event = schedule(true);
        book(token, event, 1);
        book(token, event, 2);

        ResponseEntity<String> refused = delete("/api/accounts/me", token, Map.of("password", "password-123"));

        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        JsonNode problem = json.readTree(refused.getBody());
        assertThat(problem.get("rule").asText()).isEqualTo("upcoming-bookings");
        assertThat(problem.get("upcomingBookings").asInt()).isEqualTo(2);
        assertThat(events("AccountDeleted", accountId)).isZero();
        assertThat(keyRows(accountId)).isEqualTo(1);
        assertThat(login(email, "password-123")).isNotBlank();
    }

    @Test
    void aCustomerDeletesTheirAccountCancellingTheUpcomingBookingsInTheSameStep() throws Exception {
        String email = "leaving-" + UUID.randomUUID() + "@deletion.test";
        String accountId = register(email);
        String token = login(email, "password-123");
        JsonNode event = schedule(true);
        String bookingId = book(token, event, 2);
        assertThat(keys.find(accountId)).as("cached by the booking").isPresent();

        ResponseEntity<String> deleted =
                delete("/api/accounts/me", token, Map.of("password", "password-123", "cancelUpcomingBookings", true));

        assertThat(deleted.getStatusCode().value()).isEqualTo(200);
        JsonNode answer = json.readTree(deleted.getBody());
        assertThat(answer.get("cancelledBookings").asInt()).isEqualTo(1);
        assertThat(deleted.getHeaders().getFirst("X-Consistency-Token"))
                .isEqualTo(answer.get("consistencyToken").asText());
        assertThat(events("BookingCancelled", bookingId)).isEqualTo(1);
        assertThat(events("SeatsReleased", bookingId)).isEqualTo(1);
        assertThat(events("AccountDeleted", accountId)).isEqualTo(1);
        assertThat(keyRows(accountId)).isZero();
        assertThat(keys.find(accountId)).as("evicted from the cache").isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from credential where account_id = ?", Long.class, accountId))
                .isZero();
        // the seats are on sale again: the event holds its two seats for a new customer
        String next = "next-" + UUID.randomUUID() + "@deletion.test";
        register(next);
        assertThat(post("/api/bookings", login(next, "password-123"), bookingBody(event, 2))
                        .getStatusCode()
                        .value())
                .isEqualTo(201);
    }

    @Test
    void theEmailIsFreeForANewAccountAndTheOldPasswordNoLongerLogsIn() {
        String email = "again-" + UUID.randomUUID() + "@deletion.test";
        register(email);
        String token = login(email, "password-123");

        assertThat(delete("/api/accounts/me", token, Map.of("password", "password-123"))
                        .getStatusCode()
                        .value())
                .isEqualTo(200);

        assertThat(post("/api/auth/token", null, Map.of("email", email, "password", "password-123"))
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
        assertThat(post(
                                "/api/accounts",
                                null,
                                Map.of("name", "Someone New", "email", email.toUpperCase(), "password", "password-456"))
                        .getStatusCode()
                        .value())
                .isEqualTo(201);
    }

    @Test
    void aWrongPasswordIs401AndAMissingOneIs400() throws Exception {
        String email = "careful-" + UUID.randomUUID() + "@deletion.test";
        String accountId = register(email);
        String token = login(email, "password-123");

        ResponseEntity<String> wrong = delete("/api/accounts/me", token, Map.of("password", "not-my-password"));
        ResponseEntity<String> missing = delete("/api/accounts/me", token, Map.of("cancelUpcomingBookings", true));
        ResponseEntity<String> anonymous = delete("/api/accounts/me", null, Map.of("password", "password-123"));

        assertThat(wrong.getStatusCode().value()).isEqualTo(401);
        assertThat(wrong.getBody()).doesNotContain("not-my-password");
        assertThat(missing.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(missing.getBody()).toString()).contains("password");
        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
        assertThat(keyRows(accountId)).isEqualTo(1);
    }

    @Test
    void theDeletedAccountsTokenIsRefusedAtOnce() throws Exception {
        String email = "twice-" + UUID.randomUUID() + "@deletion.test";
        register(email);
        String token = login(email, "password-123");
        assertThat(delete("/api/accounts/me", token, Map.of("password", "password-123"))
                        .getStatusCode()
                        .value())
                .isEqualTo(200);

        ResponseEntity<String> again = delete("/api/accounts/me", token, Map.of("password", "password-123"));
        ResponseEntity<String> booking = post("/api/bookings", token, bookingBody(schedule(true), 1));

        assertThat(again.getStatusCode().value()).isEqualTo(401);
        assertThat(booking.getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void aCustomerCannotDeleteSomeoneElsesAccount() {
        String victimEmail = "victim-" + UUID.randomUUID() + "@deletion.test";
        String victim = register(victimEmail);
        String attackerEmail = "attacker-" + UUID.randomUUID() + "@deletion.test";
        register(attackerEmail);
        String attacker = login(attackerEmail, "password-123");

        ResponseEntity<String> refused = delete("/api/admin/accounts/" + victim, attacker, Map.of());

        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(keyRows(victim)).isEqualTo(1);
        assertThat(login(victimEmail, "password-123")).isNotBlank();
    }

    @Test
    void anAdminDeletesAnAccountAndCancelsBookingsACustomerCouldNotCancel() throws Exception {
        String email = "stuck-" + UUID.randomUUID() + "@deletion.test";
        String accountId = register(email);
        String token = login(email, "password-123");
        JsonNode noCancellations = schedule(false);
        String bookingId = book(token, noCancellations, 1);
        String admin = login("admin@deletion.test", "admin-password");

        ResponseEntity<String> byCustomer =
                delete("/api/accounts/me", token, Map.of("password", "password-123", "cancelUpcomingBookings", true));
        assertThat(byCustomer.getStatusCode().value()).isEqualTo(409);
        assertThat(json.readTree(byCustomer.getBody()).get("rule").asText()).isEqualTo("cancellations-not-allowed");
        assertThat(events("BookingCancelled", bookingId)).isZero();
        assertThat(keyRows(accountId)).isEqualTo(1);

        ResponseEntity<String> withoutCancelling = delete("/api/admin/accounts/" + accountId, admin, null);
        assertThat(withoutCancelling.getStatusCode().value()).isEqualTo(409);
        assertThat(json.readTree(withoutCancelling.getBody())
                        .get("upcomingBookings")
                        .asInt())
                .isEqualTo(1);

        ResponseEntity<String> byAdmin =
                delete("/api/admin/accounts/" + accountId, admin, Map.of("cancelUpcomingBookings", true));
        assertThat(byAdmin.getStatusCode().value()).isEqualTo(200);
        assertThat(events("BookingCancelled", bookingId)).isEqualTo(1);
        assertThat(keyRows(accountId)).isZero();
        String deleted = jdbc.queryForObject("""
                select convert_from(meta_data, 'UTF8') from domain_event_entry
                where payload_type like '%.AccountDeleted' and aggregate_identifier = ?""", String.class, accountId);
        assertThat(json.readTree(deleted).get("actor").asText()).startsWith("admin:");

        assertThat(delete("/api/admin/accounts/" + accountId, admin, null)
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        assertThat(delete("/api/admin/accounts/" + UUID.randomUUID(), admin, null)
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        assertThat(delete("/api/admin/accounts/not-an-id", admin, null)
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
    }

    @Test
    void aCustomerChangesTheirDetailsAndTheNewEmailLogsInWhileATakenOneIs409() throws Exception {
        String email = "mover-" + UUID.randomUUID() + "@deletion.test";
        String accountId = register(email);
        String taken = "taken-" + UUID.randomUUID() + "@deletion.test";
        register(taken);
        String token = login(email, "password-123");
        String newEmail = "moved-" + UUID.randomUUID() + "@deletion.test";

        ResponseEntity<String> refused =
                put("/api/accounts/me", token, Map.of("name", "Moved Customer", "email", taken.toUpperCase()));
        ResponseEntity<String> invalid = put("/api/accounts/me", token, Map.of("name", "", "email", "not-an-email"));
        ResponseEntity<String> changed = put(
                "/api/accounts/me",
                token,
                Map.of("name", "Moved Customer", "email", newEmail, "phone", "+44 20 7946 0000"));

        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(json.readTree(refused.getBody()).get("rule").asText()).isEqualTo("email-taken");
        assertThat(invalid.getStatusCode().value()).isEqualTo(400);
        assertThat(changed.getStatusCode().value()).isEqualTo(200);
        assertThat(events("AccountDetailsChanged", accountId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("""
                select convert_from(payload, 'UTF8') from domain_event_entry
                where payload_type like '%.AccountDetailsChanged' and aggregate_identifier = ?""", String.class, accountId))
                .doesNotContain("Moved Customer", newEmail, "7946 0000"); // markers no timestamp or base64 can hold
        assertThat(login(newEmail.toUpperCase(), "password-123")).isNotBlank();
        assertThat(post("/api/auth/token", null, Map.of("email", email, "password", "password-123"))
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
        // the old email is free again, the taken one still belongs to its owner
        register(email);
        assertThat(login(taken, "password-123")).isNotBlank();
    }

    @Test
    void bookingsRacingTheDeletionAreEitherRefusedOrCancelledWithIt() throws Exception {
        String email = "racing-" + UUID.randomUUID() + "@deletion.test";
        String accountId = register(email);
        String token = login(email, "password-123");
        JsonNode event = schedule(true);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<ResponseEntity<String>>> bookings = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                bookings.add(pool.submit(() -> {
                    start.await();
                    return post("/api/bookings", token, bookingBody(event, 1));
                }));
            }
            var deletion = pool.submit(() -> {
                start.await();
                return delete(
                        "/api/accounts/me", token, Map.of("password", "password-123", "cancelUpcomingBookings", true));
            });
            start.countDown();

            assertThat(deletion.get().getStatusCode().value()).isEqualTo(200);
            for (var booking : bookings) {
                // booked before the deletion, refused for a deleted account, or for a token the deletion ended
                assertThat(booking.get().getStatusCode().value()).isIn(201, 401, 404);
            }
        } finally {
            pool.shutdownNow();
        }
        long booked = jdbc.queryForObject("""
                select count(*) from domain_event_entry where payload_type like '%.TicketsBooked'
                and convert_from(payload, 'UTF8')::jsonb ->> 'customerId' = ?""", Long.class, accountId);
        long cancelled = jdbc.queryForObject("""
                select count(*) from domain_event_entry c where c.payload_type like '%.BookingCancelled'
                and c.aggregate_identifier in (select booking_id from booking_reference where customer_id = ?)""", Long.class, accountId);
        assertThat(cancelled).isEqualTo(booked);
    }

    /** A portal stays logged in with refresh tokens, each used once; a replayed one ends them all, as deletion does. */
    @Test
    void refreshTokensWorkOnceAndEndWithReplayOrDeletion() throws Exception {
        String email = "refresh-" + UUID.randomUUID() + "@deletion.test";
        register(email);
        ResponseEntity<String> login =
                post("/api/auth/token", null, Map.of("email", email, "password", "password-123"));
        String first = field(login, "refreshToken");

        ResponseEntity<String> refreshed = post("/api/auth/refresh", null, Map.of("refreshToken", first));
        assertThat(refreshed.getStatusCode().value()).isEqualTo(200);
        String access = field(refreshed, "accessToken");
        String second = field(refreshed, "refreshToken");
        assertThat(second).isNotEqualTo(first);
        assertThat(put("/api/accounts/me", access, Map.of("name", "Refreshed", "email", email))
                        .getStatusCode()
                        .value())
                .as("the new access token works")
                .isEqualTo(200);

        // the first again: a replay, which ends the second too
        assertThat(post("/api/auth/refresh", null, Map.of("refreshToken", first))
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
        assertThat(post("/api/auth/refresh", null, Map.of("refreshToken", second))
                        .getStatusCode()
                        .value())
                .isEqualTo(401);

        // a new login's family ends with the account
        String third = field(
                post("/api/auth/token", null, Map.of("email", email, "password", "password-123")), "refreshToken");
        String token = login(email, "password-123");
        assertThat(delete("/api/accounts/me", token, Map.of("password", "password-123"))
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertThat(post("/api/auth/refresh", null, Map.of("refreshToken", third))
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
    }

    /** Another instance's erasure reaches this one's key cache within its time to live. */
    @Test
    void aKeyDestroyedByAnotherInstanceOpensNothingHereOnceCachedForItsTimeToLive() {
        PersonalDataKeyStore here = new PersonalDataKeyStore(jdbc, Duration.ofMillis(500));
        PersonalDataKeyStore there = new PersonalDataKeyStore(jdbc, Duration.ofMillis(500));
        String subject = UUID.randomUUID().toString();
        there.createKeyFor(subject);
        assertThat(here.find(subject)).isPresent();

        there.destroyKeyOf(subject);

        await().atMost(Duration.ofSeconds(5)).until(() -> here.find(subject).isEmpty());
    }

    /** A portal that lost the answer sends the registration again with its key and gets the same account. */
    @Test
    void aWriteSentAgainWithItsIdempotencyKeyGetsTheFirstAnswer() throws Exception {
        String key = UUID.randomUUID().toString();
        String email = "keyed-" + UUID.randomUUID() + "@deletion.test";
        Map<String, String> registration = Map.of("name", "Keyed", "email", email, "password", "password-123");

        ResponseEntity<String> first = keyed("/api/accounts", key, registration);
        ResponseEntity<String> again = keyed("/api/accounts", key, registration);

        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(again.getStatusCode().value()).isEqualTo(201);
        assertThat(json.readTree(again.getBody())).isEqualTo(json.readTree(first.getBody()));
        assertThat(again.getHeaders().getFirst("X-Consistency-Token"))
                .isEqualTo(first.getHeaders().getFirst("X-Consistency-Token"));
        assertThat(events("AccountRegistered", field(first, "accountId"))).isEqualTo(1);
        // without the key the same registration is refused as a second one
        assertThat(post("/api/accounts", null, registration).getStatusCode().value())
                .isEqualTo(409);

        ResponseEntity<String> reused =
                keyed("/api/accounts", key, Map.of("name", "Other", "email", "o-" + email, "password", "password-123"));
        assertThat(reused.getStatusCode().value()).isEqualTo(422);
        assertThat(json.readTree(reused.getBody()).get("rule").asText()).isEqualTo("idempotency-key-reused");
        // an answer holding a secret (an access token) is never kept
        String loginKey = UUID.randomUUID().toString();
        assertThat(keyed("/api/auth/token", loginKey, Map.of("email", email, "password", "password-123"))
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from idempotent_request where key = ?", Long.class, loginKey))
                .isZero();
        ResponseEntity<String> invalid = keyed("/api/accounts", "bad key", registration);
        assertThat(invalid.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(invalid.getBody()).at("/errors/0/field").asText())
                .isEqualTo("Idempotency-Key");
    }

    private ResponseEntity<String> keyed(String path, String key, Object body) {
        HttpHeaders headers = headers(null);
        headers.set("Idempotency-Key", key);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    private JsonNode schedule(boolean cancellationsAllowed) throws Exception {
        String admin = login("admin@deletion.test", "admin-password");
        ResponseEntity<String> scheduled = post(
                "/api/admin/events",
                admin,
                Map.of(
                        "title",
                        "Pottery",
                        "startsAt",
                        "2099-01-01T10:00:00Z",
                        "endsAt",
                        "2099-01-01T12:00:00Z",
                        "location",
                        "Studio 2",
                        "organiser",
                        Map.of("name", "Clay Co", "contact", "hello@clay.example"),
                        "ticketTypes",
                        List.of(Map.of("name", "Adult", "price", 25, "capacity", 3)),
                        "policy",
                        Map.of(
                                "transfersAllowed",
                                true,
                                "cancellationsAllowed",
                                cancellationsAllowed,
                                "cancellationCutoffHours",
                                24,
                                "attendanceTracking",
                                false)));
        assertThat(scheduled.getStatusCode().value()).isEqualTo(201);
        return json.readTree(scheduled.getBody());
    }

    private String book(String token, JsonNode event, int tickets) {
        Map<String, Object> body = bookingBody(event, tickets);
        assertThat(post("/api/bookings", token, body).getStatusCode().value()).isEqualTo(201);
        return body.get("bookingId").toString();
    }

    private static Map<String, Object> bookingBody(JsonNode event, int tickets) {
        return Map.of(
                "bookingId",
                UUID.randomUUID().toString(),
                "eventId",
                event.get("eventId").asText(),
                "ticketTypeId",
                event.at("/ticketTypes/0/ticketTypeId").asText(),
                "tickets",
                java.util.Collections.nCopies(tickets, Map.of("attendeeName", "Someone", "child", false)));
    }

    private long events(String simpleName, String id) {
        return jdbc.queryForObject("""
                select count(*) from domain_event_entry
                where payload_type like ? and convert_from(payload, 'UTF8') like ?""", Long.class, "%." + simpleName, "%\"" + id + "\"%");
    }

    private long keyRows(String accountId) {
        return jdbc.queryForObject(
                "select count(*) from personal_data_key where subject_id = ?", Long.class, accountId);
    }

    private String register(String email) {
        Map<String, Object> body =
                new HashMap<>(Map.of("name", "Leaving Customer", "email", email, "password", "password-123"));
        ResponseEntity<String> registered = post("/api/accounts", null, body);
        assertThat(registered.getStatusCode().value()).isEqualTo(201);
        try {
            return json.readTree(registered.getBody()).get("accountId").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
