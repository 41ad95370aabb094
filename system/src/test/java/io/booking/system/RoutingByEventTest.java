package io.booking.system;

import io.booking.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two nodes of the whole system on one database behind the routing component ({@code deploy/one-origin.sh}): every
 * command about an event reaches the one node that owns the event (scheduling it, each booking of it), the events are
 * spread over both nodes, and each event sells exactly its seats.
 */
class RoutingByEventTest {

    private static final String ADMIN_EMAIL = "admin@routing.test";
    private static final String ADMIN_PASSWORD = "admin-pw-123";
    private static final int SEATS = 3;

    @Test
    void everyCommandAboutAnEventReachesTheNodeThatOwnsIt() throws Exception {
        assumeTrue(
                OneOriginTest.onPath("haproxy"),
                "no haproxy on the PATH: this test needs HAProxy (Debian: apt-get install haproxy; .ci/run installs it)");
        Map<String, String> settings =
                TestSystems.smallPools(TestSystems.settings(TestDatabase.fresh(), ADMIN_EMAIL, ADMIN_PASSWORD));
        int port = freePort();
        try (BookingSystem one = BookingSystem.start(settings);
                BookingSystem two = BookingSystem.start(settings)) {
            ProcessBuilder proxy = new ProcessBuilder(
                            "bash", Path.of("../deploy/one-origin.sh").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            proxy.environment()
                    .putAll(Map.of(
                            "BOOKING_ORIGIN_BIND", "127.0.0.1:" + port,
                            "BOOKING_COMMAND_ADDRS",
                                    "127.0.0.1:" + one.commandPort() + " 127.0.0.1:" + two.commandPort(),
                            "BOOKING_QUERY_ADDRS", "127.0.0.1:" + one.queryPort() + " 127.0.0.1:" + two.queryPort()));
            Process haproxy = proxy.start();
            try {
                Api api = Api.throughOneOrigin(port);
                String admin = await().atMost(Duration.ofSeconds(15))
                        .ignoreExceptions()
                        .until(() -> api.login(ADMIN_EMAIL, ADMIN_PASSWORD), token -> token != null);

                // events until both nodes own some: which node owns an event is its id's hash
                Map<String, String> ownerOf = new HashMap<>();
                Map<String, String> ticketTypeOf = new HashMap<>();
                while (new HashSet<>(ownerOf.values()).size() < 2) {
                    assertThat(ownerOf).as("30 events all owned by one node").hasSizeLessThan(30);
                    String eventId = UUID.randomUUID().toString();
                    Api.Answer scheduled = api.command("/api/admin/events", admin, event(eventId));
                    assertThat(scheduled.status()).isEqualTo(201);
                    ownerOf.put(eventId, scheduled.header("X-Served-By"));
                    ticketTypeOf.put(
                            eventId,
                            scheduled.body().at("/ticketTypes/0/ticketTypeId").asText());
                }

                api.register("Ada Lovelace", "ada@routing.test", "password-123");
                String customer = api.login("ada@routing.test", "password-123");
                long lastToken = 0;
                for (String eventId : ownerOf.keySet()) {
                    List<Integer> statuses = new ArrayList<>();
                    Set<String> servedBy = new HashSet<>();
                    for (int i = 0; i < SEATS + 2; i++) {
                        Api.Answer booked = api.book(
                                customer, UUID.randomUUID().toString(), eventId, ticketTypeOf.get(eventId), "Ada");
                        statuses.add(booked.status());
                        servedBy.add(booked.header("X-Served-By"));
                        if (booked.status() == 201) {
                            lastToken = Math.max(lastToken, booked.consistencyToken());
                        }
                    }
                    assertThat(servedBy)
                            .as("nodes that took bookings of %s", eventId)
                            .containsExactly(ownerOf.get(eventId));
                    assertThat(statuses)
                            .as("bookings of %s", eventId)
                            .containsExactlyInAnyOrder(201, 201, 201, 409, 409);
                }
                for (String eventId : ownerOf.keySet()) {
                    assertThat(api.query("/api/events/" + eventId, null, lastToken)
                                    .body()
                                    .at("/ticketTypes/0/seatsLeft")
                                    .asInt())
                            .isZero();
                }
            } finally {
                haproxy.destroy();
            }
        }
    }

    private static Map<String, Object> event(String eventId) {
        Instant start = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        return Map.of(
                "eventId", eventId,
                "title", "Throwing class",
                "startsAt", start.toString(),
                "endsAt", start.plus(2, ChronoUnit.HOURS).toString(),
                "location", "Studio 2",
                "organiser", Map.of("name", "Clay Co"),
                "ticketTypes", List.of(Map.of("name", "Adult", "price", "25.00", "capacity", SEATS)));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
