package io.booking.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.booking.testsupport.TestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL stops under booking load and comes back: meanwhile each request is refused within a few seconds with 503,
 * problem+json and {@code Retry-After} (never 500, never a hang), both sides' health answers within a second saying
 * DOWN; afterwards both are UP again without a restart, every acknowledged booking is stored once, and a retry of a
 * refused booking with its {@code bookingId} books it once.
 */
class DatabaseOutageTest {

    private static final String ADMIN_EMAIL = "admin@outage.test";
    private static final String ADMIN_PASSWORD = "admin-password";
    private static final int CLIENTS = 4;
    /** A refused request waits for a connection at most twice (2 s each: its data key, its booking), and no more. */
    private static final Duration REFUSED_WITHIN = Duration.ofSeconds(5);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void anOutageIsRefusedPromptlyAndLosesOrDoublesNothing(@TempDir Path data) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        EmbeddedPostgres postgres = BookingSystem.startEmbedded(data, port);
        TestDatabase database =
                new TestDatabase("jdbc:postgresql://127.0.0.1:" + port + "/booking", "postgres", "", "booking");
        Map<String, String> settings =
                TestSystems.smallPools(TestSystems.settings(database, ADMIN_EMAIL, ADMIN_PASSWORD));
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try (BookingSystem system = BookingSystem.start(settings)) {
            Api api = new Api(system.commandPort(), system.queryPort());
            String admin = api.login(ADMIN_EMAIL, ADMIN_PASSWORD);
            Instant start = Instant.now().plus(30, ChronoUnit.DAYS);
            JsonNode event = api.command(
                            "/api/admin/events",
                            admin,
                            Map.of(
                                    "title",
                                    "Outage Night",
                                    "startsAt",
                                    start.toString(),
                                    "endsAt",
                                    start.plusSeconds(3600).toString(),
                                    "location",
                                    "Hall",
                                    "organiser",
                                    Map.of("name", "Org"),
                                    "ticketTypes",
                                    List.of(Map.of("name", "Seat", "price", 10, "capacity", 100_000))))
                    .body();
            String eventId = event.get("eventId").asText();
            String ticketTypeId = event.at("/ticketTypes/0/ticketTypeId").asText();
            List<String> customers = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                String email = "client-" + UUID.randomUUID() + "@outage.test";
                api.register("Client", email, "password-123");
                customers.add(api.login(email, "password-123"));
            }

            AtomicBoolean down = new AtomicBoolean();
            AtomicBoolean stop = new AtomicBoolean();
            Map<String, Integer> outcome = new ConcurrentHashMap<>();
            Map<String, String> customerOf = new ConcurrentHashMap<>();
            List<String> wrongRefusals = java.util.Collections.synchronizedList(new ArrayList<>());
            List<Future<?>> load = new ArrayList<>();
            for (String customer : customers) {
                load.add(clients.submit(() -> {
                    while (!stop.get()) {
                        String bookingId = UUID.randomUUID().toString();
                        customerOf.put(bookingId, customer);
                        Instant sent = Instant.now();
                        Api.Answer answer = api.book(customer, bookingId, eventId, ticketTypeId, "Guest");
                        Duration took = Duration.between(sent, Instant.now());
                        outcome.put(bookingId, answer.status());
                        if (answer.status() != 201) {
                            boolean wellRefused = answer.status() == 503
                                    && answer.header("Retry-After") != null
                                    && String.valueOf(answer.header("Content-Type"))
                                            .startsWith("application/problem+json")
                                    && took.compareTo(REFUSED_WITHIN) <= 0;
                            if (!wellRefused) {
                                wrongRefusals.add(answer.status() + " after " + took.toMillis() + " ms (database "
                                        + (down.get() ? "down" : "up") + ")");
                            }
                        }
                    }
                    return null;
                }));
            }
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> outcome.values().stream().filter(s -> s == 201).count() >= 20);

            postgres.close();
            Instant wentDown = Instant.now();
            down.set(true);
            int bookedBefore =
                    (int) outcome.values().stream().filter(s -> s == 201).count();
            for (int side : new int[] {system.commandPort(), system.queryPort()}) {
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                    Instant asked = Instant.now();
                    HttpResponse<String> health = health(side);
                    assertThat(Duration.between(asked, Instant.now()))
                            .as("health answers at once")
                            .isLessThan(Duration.ofSeconds(1));
                    assertThat(health.statusCode())
                            .as("health of :%d: %s", side, health.body())
                            .isEqualTo(503);
                    assertThat(health.body()).contains("\"DOWN\"");
                });
            }
            // away for a while: every client is refused again and again, none waits for the database's return
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> Duration.between(wentDown, Instant.now()).toSeconds() >= 10
                            && outcome.values().stream().filter(s -> s == 503).count() >= 3 * CLIENTS);
            assertThat(outcome.values().stream().filter(s -> s == 201).count())
                    .as("nothing is booked while the database is away")
                    .isLessThanOrEqualTo(bookedBefore + CLIENTS);

            postgres = BookingSystem.startEmbedded(data, port);
            down.set(false);
            int refusedDuring =
                    (int) outcome.values().stream().filter(s -> s == 503).count();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> outcome.values().stream().filter(s -> s == 201).count() >= bookedBefore + 20);
            stop.set(true);
            for (Future<?> client : load) {
                client.get();
            }
            for (int side : new int[] {system.commandPort(), system.queryPort()}) {
                await().atMost(Duration.ofSeconds(30))
                        .untilAsserted(() -> assertThat(health(side).statusCode())
                                .as("health of :%d after the outage", side)
                                .isEqualTo(200));
            }
            assertThat(wrongRefusals)
                    .as("answers other than 201 or a prompt 503 problem")
                    .isEmpty();
            assertThat(refusedDuring).isPositive();

            // a refused booking sent again by its customer books it once, whether or not the first attempt reached
            // the store (a commit whose answer the outage cut off)
            List<String> refused = outcome.entrySet().stream()
                    .filter(e -> e.getValue() != 201)
                    .map(Map.Entry::getKey)
                    .toList();
            for (String bookingId : refused) {
                assertThat(api.book(customerOf.get(bookingId), bookingId, eventId, ticketTypeId, "Guest")
                                .status())
                        .isIn(200, 201);
            }
            try (Connection c = database.connect();
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("""
                         select aggregate_identifier, count(*) from command.domain_event_entry
                         where payload_type = 'io.booking.shared.booking.TicketsBooked' group by aggregate_identifier""")) {
                Map<String, Integer> stored = new java.util.HashMap<>();
                while (rs.next()) {
                    stored.put(rs.getString(1), rs.getInt(2));
                }
                assertThat(stored.keySet())
                        .as("every booking answered or retried is stored")
                        .containsExactlyInAnyOrderElementsOf(outcome.keySet());
                assertThat(stored.values()).as("each once").allMatch(count -> count == 1);
            }
        } finally {
            clients.shutdownNow();
            postgres.close();
        }
    }

    private HttpResponse<String> health(int port) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                        .timeout(Duration.ofSeconds(10))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
