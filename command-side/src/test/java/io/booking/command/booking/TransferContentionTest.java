package io.booking.command.booking;

import com.fasterxml.jackson.databind.JsonNode;
import io.booking.command.support.CommandApiTest;
import io.booking.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Transfers crossing between two events in both directions at once: each takes the two events' locks in one order, so none is refused as a crossing change.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=command-side",
            "booking.admin.email=admin@crossing.test",
            "booking.admin.password=admin-password",
            "booking.security.bcrypt-strength=4",
            "spring.datasource.hikari.maximum-pool-size=8"
        })
@DirtiesContext
class TransferContentionTest extends CommandApiTest {

    private static final int CUSTOMERS = 12;
    private static final int ROUNDS = 6;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Test
    void crossingTransfersAreNeverRefusedAsConcurrentChanges() throws Exception {
        String admin = login("admin@crossing.test", "admin-password");
        JsonNode a = schedule(admin, "Crossing A");
        JsonNode b = schedule(admin, "Crossing B");
        List<String> tokens = new ArrayList<>();
        List<String> bookings = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            String email = "crossing-" + UUID.randomUUID() + "@crossing.test";
            post("/api/accounts", null, Map.of("name", "Crosser", "email", email, "password", "password-123"));
            String token = login(email, "password-123");
            JsonNode start = i % 2 == 0 ? a : b;
            String bookingId = UUID.randomUUID().toString();
            ResponseEntity<String> booked = post(
                    "/api/bookings",
                    token,
                    Map.of(
                            "bookingId", bookingId,
                            "eventId", start.get("eventId").asText(),
                            "ticketTypeId",
                                    start.at("/ticketTypes/0/ticketTypeId").asText(),
                            "tickets", List.of(Map.of("attendeeName", "One"), Map.of("attendeeName", "Two"))));
            assertThat(booked.getStatusCode().value()).isEqualTo(201);
            tokens.add(token);
            bookings.add(bookingId);
        }

        Map<String, Integer> answers = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(CUSTOMERS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            int customer = i;
            running.add(pool.submit(() -> {
                go.await();
                for (int round = 0; round < ROUNDS; round++) {
                    // each booking goes back and forth; half of them start at each event, so transfers cross
                    JsonNode target = (customer + round) % 2 == 0 ? b : a;
                    ResponseEntity<String> moved = post(
                            "/api/bookings/" + bookings.get(customer) + "/transfer",
                            tokens.get(customer),
                            Map.of(
                                    "eventId", target.get("eventId").asText(),
                                    "ticketTypeId",
                                            target.at("/ticketTypes/0/ticketTypeId")
                                                    .asText()));
                    String outcome = moved.getStatusCode().value() == 200
                            ? "200"
                            : moved.getStatusCode().value() + " "
                                    + json.readTree(moved.getBody())
                                            .path("rule")
                                            .asText();
                    answers.merge(outcome, 1, Integer::sum);
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> client : running) {
            client.get();
        }
        pool.shutdown();

        assertThat(answers).as("answers to %d transfers", CUSTOMERS * ROUNDS).containsOnlyKeys("200");
    }

    private JsonNode schedule(String admin, String title) throws Exception {
        ResponseEntity<String> scheduled = post(
                "/api/admin/events",
                admin,
                Map.of(
                        "title",
                        title,
                        "startsAt",
                        "2099-05-01T10:00:00Z",
                        "endsAt",
                        "2099-05-01T12:00:00Z",
                        "location",
                        "Hall",
                        "organiser",
                        Map.of("name", "Crossing Co"),
                        "ticketTypes",
                        List.of(Map.of("name", "Seat", "price", 10, "capacity", 100)),
                        "policy",
                        Map.of("transfersAllowed", true, "cancellationsAllowed", true, "cancellationCutoffHours", 0)));
        assertThat(scheduled.getStatusCode().value()).isEqualTo(201);
        return json.readTree(scheduled.getBody());
    }
}
