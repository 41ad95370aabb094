package io.booking.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The routing component as {@code deploy/one-origin.sh} starts it (HAProxy), in front of a test's nodes. */
final class RoutingComponent implements AutoCloseable {

    static final String MISSING =
            "no haproxy on the PATH: this test needs HAProxy (Debian: apt-get install haproxy; .ci/run installs it)";

    private final Process haproxy;
    private final int port;

    private RoutingComponent(Process haproxy, int port) {
        this.haproxy = haproxy;
        this.port = port;
    }

    static boolean installed() {
        try {
            return new ProcessBuilder("haproxy", "-v").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** In front of each system's command node and query node; answering once it is. */
    static RoutingComponent inFrontOf(List<BookingSystem> nodes) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ProcessBuilder proxy = new ProcessBuilder(
                        "bash", Path.of("../deploy/one-origin.sh").toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        proxy.environment()
                .putAll(Map.of(
                        "BOOKING_ORIGIN_BIND", "127.0.0.1:" + port,
                        "BOOKING_COMMAND_ADDRS", addresses(nodes, BookingSystem::commandPort),
                        "BOOKING_QUERY_ADDRS", addresses(nodes, BookingSystem::queryPort)));
        RoutingComponent routing = new RoutingComponent(proxy.start(), port);
        await().atMost(Duration.ofSeconds(10)).until(routing::answers);
        return routing;
    }

    Api api() {
        return Api.throughOneOrigin(port);
    }

    /**
     * Events of {@code seats} seats, at least {@code count}, scheduled through the routing component until every
     * command node owns one.
     *
     * @return each event's id with the node that owns it and its ticket type
     */
    static Map<String, Owned> eventsOnEveryNode(Api api, String admin, int count, int seats, int nodes) {
        Map<String, Owned> events = new HashMap<>();
        while (events.size() < count
                || new HashSet<>(events.values().stream().map(Owned::node).toList()).size() < nodes) {
            assertThat(events).as("30 events not spread over %s nodes", nodes).hasSizeLessThan(30);
            String eventId = UUID.randomUUID().toString();
            Instant start = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
            Api.Answer scheduled = api.command(
                    "/api/admin/events",
                    admin,
                    Map.of(
                            "eventId", eventId,
                            "title", "Glazing",
                            "startsAt", start.toString(),
                            "endsAt", start.plus(2, ChronoUnit.HOURS).toString(),
                            "location", "Studio 2",
                            "organiser", Map.of("name", "Clay Co"),
                            "ticketTypes", List.of(Map.of("name", "Adult", "price", "25.00", "capacity", seats))));
            assertThat(scheduled.status()).isEqualTo(201);
            events.put(
                    eventId,
                    new Owned(
                            scheduled.header("X-Served-By"),
                            scheduled.body().at("/ticketTypes/0/ticketTypeId").asText()));
        }
        return events;
    }

    /** @param node the command node that owns the event, as {@code X-Served-By} names it */
    record Owned(String node, String ticketTypeId) {}

    private boolean answers() {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String addresses(List<BookingSystem> nodes, java.util.function.ToIntFunction<BookingSystem> port) {
        return nodes.stream().map(node -> "127.0.0.1:" + port.applyAsInt(node)).collect(Collectors.joining(" "));
    }

    @Override
    public void close() {
        haproxy.destroy();
    }
}
