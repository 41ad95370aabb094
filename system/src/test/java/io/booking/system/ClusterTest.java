package io.booking.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.booking.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The cluster as {@code deploy/cluster.sh 3 2} starts it: three command nodes and two query nodes, each its own JVM,
 * behind the routing component, on one database. Customers book a rush on one event and spread over the others while
 * the node that owns the rush is killed (SIGKILL); clients send an unanswered booking again with its {@code bookingId}.
 * Every event sells at most its seats, the rush exactly them, every acknowledged booking is in the store once and in
 * its customer's Upcoming tab, and the listings show what was sold.
 */
class ClusterTest {

    private static final String ADMIN_EMAIL = "admin@cluster.test";
    private static final String ADMIN_PASSWORD = "admin-pw-123";
    private static final int SEATS = 40;
    private static final int CLIENTS = 8;
    private static final int BOOKINGS_PER_CLIENT = 30;
    private static final Path COMMAND_JAR = Path.of("../command-side/target/command-side-0.1.0-SNAPSHOT-exec.jar");

    @Test
    void aRushAndSpreadLoadSurviveTheRushOwnersNodeKilled() throws Exception {
        assumeTrue(RoutingComponent.installed(), RoutingComponent.MISSING);
        assumeTrue(Files.exists(COMMAND_JAR), "the sides' jars are not built (./mvnw package): " + COMMAND_JAR);
        TestDatabase database = TestDatabase.fresh();
        Path dir = Files.createTempDirectory("cluster");
        int base = freePorts(6);
        int origin = base + 6;
        Process cluster = start(database, dir, base, origin);
        try {
            Api api = Api.throughOneOrigin(origin);
            String admin = api.login(ADMIN_EMAIL, ADMIN_PASSWORD);
            Map<String, RoutingComponent.Owned> owned = RoutingComponent.eventsOnEveryNode(api, admin, 5, SEATS, 3);
            List<String> events = new ArrayList<>(owned.keySet());
            String rush = events.get(0);
            String rushOwner = owned.get(rush).node();

            Map<String, String> acknowledged = new ConcurrentHashMap<>(); // bookingId -> eventId
            Map<String, Set<String>> bookingsOf = new ConcurrentHashMap<>(); // customer token -> bookingIds
            Set<String> servedAfterKill = ConcurrentHashMap.newKeySet();
            AtomicInteger sentAfterKillCount = new AtomicInteger();
            AtomicBoolean killed = new AtomicBoolean();
            AtomicInteger answered = new AtomicInteger();
            AtomicLong lastToken = new AtomicLong();
            CountDownLatch registered = new CountDownLatch(CLIENTS);
            Map<String, String> ticketTypeOf = new HashMap<>();
            owned.forEach((eventId, event) -> ticketTypeOf.put(eventId, event.ticketTypeId()));
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                running.add(clients.submit(() -> {
                    String email = "client" + client + "@cluster.test";
                    api.register("Client " + client, email, "password-123");
                    String customer = api.login(email, "password-123");
                    bookingsOf.put(customer, ConcurrentHashMap.newKeySet());
                    registered.countDown();
                    registered.await();
                    for (int i = 0; i < BOOKINGS_PER_CLIENT; i++) {
                        // every other booking is the rush's; the rest spread over the other events
                        String eventId = i % 2 == 0 ? rush : events.get(1 + (client + i) % (events.size() - 1));
                        String bookingId = UUID.randomUUID().toString();
                        boolean sentAfterKill = killed.get();
                        Api.Answer answer =
                                SaleChecks.bookUntilAnswered(api, customer, bookingId, eventId, ticketTypeOf);
                        assertThat(answer.status()).as("booking %s", bookingId).isIn(201, 409);
                        if (answer.status() == 201) {
                            acknowledged.put(bookingId, eventId);
                            bookingsOf.get(customer).add(bookingId);
                            lastToken.accumulateAndGet(answer.consistencyToken(), Math::max);
                        } else {
                            assertThat(answer.body().path("rule").asText()).isEqualTo("sold-out");
                        }
                        if (sentAfterKill) {
                            servedAfterKill.add(answer.header("X-Served-By"));
                            sentAfterKillCount.incrementAndGet();
                        }
                        answered.incrementAndGet();
                    }
                    return null;
                }));
            }
            await().atMost(Duration.ofMinutes(3)).until(() -> answered.get() >= CLIENTS * BOOKINGS_PER_CLIENT / 4);
            long pid = Long.parseLong(
                    Files.readString(dir.resolve(rushOwner + ".pid")).trim());
            // SIGKILL: no shutdown, open connections and transactions cut where they are
            ProcessHandle.of(pid).orElseThrow().destroyForcibly();
            killed.set(true);
            for (Future<?> client : running) {
                client.get(5, TimeUnit.MINUTES);
            }
            clients.shutdown();

            assertThat(sentAfterKillCount.get())
                    .as("bookings sent after the kill")
                    .isGreaterThan(CLIENTS * BOOKINGS_PER_CLIENT / 2);
            assertThat(servedAfterKill)
                    .as("nodes that answered bookings sent after %s was killed", rushOwner)
                    .isNotEmpty()
                    .doesNotContain(rushOwner);
            Map<String, Long> stored = SaleChecks.storedBookings(database, acknowledged.keySet());
            for (String eventId : events) {
                long sold =
                        acknowledged.values().stream().filter(eventId::equals).count();
                assertThat(sold).as("bookings acknowledged for %s", eventId).isLessThanOrEqualTo(SEATS);
                assertThat(stored.getOrDefault(eventId, 0L))
                        .as("acknowledged bookings of %s in the store, once each", eventId)
                        .isEqualTo(sold);
                assertThat(SaleChecks.seatsTakenInStore(database, eventId))
                        .as("seats taken of %s", eventId)
                        .isEqualTo(sold);
                JsonNode listing = api.query("/api/events/" + eventId, null, lastToken.get())
                        .body();
                assertThat(listing.at("/ticketTypes/0/seatsLeft").asInt())
                        .as("seats left of %s in the listing", eventId)
                        .isEqualTo(SEATS - sold);
            }
            assertThat(acknowledged.values().stream().filter(rush::equals).count())
                    .as("the rush sold out exactly")
                    .isEqualTo(SEATS);
            for (Map.Entry<String, Set<String>> customer : bookingsOf.entrySet()) {
                JsonNode upcoming = api.query("/api/my/upcoming?size=100", customer.getKey(), lastToken.get())
                        .body();
                Set<String> listed = new HashSet<>();
                upcoming.get("items")
                        .forEach(item -> listed.add(item.get("bookingId").asText()));
                assertThat(listed).as("a customer's Upcoming tab").isEqualTo(customer.getValue());
            }
        } finally {
            cluster.destroy();
            cluster.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** {@code deploy/cluster.sh 3 2} on the test's database and ports; returns once it says the cluster is up. */
    private static Process start(TestDatabase database, Path dir, int base, int origin) throws Exception {
        ProcessBuilder script = new ProcessBuilder("bash", "../deploy/cluster.sh", "3", "2").redirectErrorStream(true);
        Map<String, String> env = script.environment();
        env.put("BOOKING_DB_URL", database.jdbcUrl());
        env.put("BOOKING_DB_USER", database.username());
        env.put("BOOKING_DB_PASSWORD", database.password() == null ? "" : database.password());
        env.put("BOOKING_CLUSTER_PORT", String.valueOf(base));
        env.put("BOOKING_ORIGIN_PORT", String.valueOf(origin));
        env.put("BOOKING_CLUSTER_DIR", dir.toString());
        env.put("BOOKING_SKIP_BUILD", "1");
        env.put("BOOKING_ADMIN_EMAIL", ADMIN_EMAIL);
        env.put("BOOKING_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("BOOKING_SECURITY_BCRYPTSTRENGTH", "4");
        // every client registers and books from this machine's one address
        env.put("BOOKING_ATTEMPTS_PER_CLIENT", "100000");
        env.put("BOOKING_ATTEMPTS_PER_ACCOUNT", "100000");
        env.put("SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE", "5");
        env.put("NODE_JAVA_OPTS", "-Xmx384m");
        Process cluster = script.start();
        CountDownLatch up = new CountDownLatch(1);
        StringBuilder said = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(cluster.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    said.append(line).append('\n');
                    if (line.startsWith("cluster up")) {
                        up.countDown();
                    }
                }
            } catch (IOException ignored) {
                // the script ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        if (!up.await(4, TimeUnit.MINUTES)) {
            cluster.destroy();
            throw new AssertionError("the cluster did not come up: " + said + " (nodes' logs in " + dir + ")");
        }
        return cluster;
    }

    /** The first of {@code count} consecutive free ports, and the one after them (the origin). */
    private static int freePorts(int count) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int first;
            try (ServerSocket socket = new ServerSocket(0)) {
                first = socket.getLocalPort();
            }
            if (first + count + 1 < 65535 && allFree(first, count + 1)) {
                return first;
            }
        }
        throw new IllegalStateException("no " + count + " consecutive free ports");
    }

    private static boolean allFree(int first, int count) {
        for (int port = first; port < first + count; port++) {
            try (ServerSocket ignored = new ServerSocket(port)) {
                // free
            } catch (IOException taken) {
                return false;
            }
        }
        return true;
    }
}
