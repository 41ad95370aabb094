package io.booking.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.booking.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Both sides under one origin, as {@code deploy/one-origin.sh} serves them with HAProxy: a portal with one base URL
 * registers, books, reads its Upcoming tab with the consistency token, and an admin searches (the query side's one
 * POST); the token keys and each side's document are there too. Every answer is held to its side's document.
 */
class OneOriginTest {

    @Test
    void aPortalWithOneBaseUrlReachesBothSides() throws Exception {
        assumeTrue(
                onPath("haproxy"),
                "no haproxy on the PATH: this test needs HAProxy (Debian: apt-get install haproxy; .ci/run installs it)");
        Map<String, String> settings =
                TestSystems.smallPools(TestSystems.settings(TestDatabase.fresh(), "admin@origin.test", "admin-pw-123"));
        int port = freePort();
        try (BookingSystem system = BookingSystem.start(settings)) {
            ProcessBuilder proxy = new ProcessBuilder(
                            "bash", Path.of("../deploy/one-origin.sh").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            proxy.environment()
                    .putAll(Map.of(
                            "BOOKING_ORIGIN_BIND", "127.0.0.1:" + port,
                            "COMMAND_PORT", String.valueOf(system.commandPort()),
                            "QUERY_PORT", String.valueOf(system.queryPort())));
            Process haproxy = proxy.start();
            try {
                await().atMost(Duration.ofSeconds(10)).until(() -> answers(port));
                Api api = Api.throughOneOrigin(port);

                String admin = api.login("admin@origin.test", "admin-pw-123");
                JsonNode event =
                        api.schedule(admin, "Wheel basics", Instant.now().plus(20, ChronoUnit.DAYS));
                api.register("Ada Lovelace", "ada@origin.test", "password-123");
                String customer = api.login("ada@origin.test", "password-123");
                Api.Answer booked = api.book(
                        customer,
                        UUID.randomUUID().toString(),
                        event.get("eventId").asText(),
                        event.at("/ticketTypes/0/ticketTypeId").asText(),
                        "Ada Lovelace");
                assertThat(booked.status()).isEqualTo(201);

                Api.Answer upcoming = api.query("/api/my/upcoming", customer, booked.consistencyToken());
                assertThat(upcoming.status()).isEqualTo(200);
                assertThat(upcoming.body().at("/items/0/reference").asText())
                        .isEqualTo(booked.body().get("reference").asText());

                Api.Answer found = api.search(
                        admin, Map.of("q", booked.body().get("reference").asText()));
                assertThat(found.status()).isEqualTo(200);
                assertThat(found.body().at("/bookings/0/reference").asText())
                        .isEqualTo(booked.body().get("reference").asText());

                assertThat(api.query("/.well-known/jwks.json", null, null)
                                .body()
                                .path("keys")
                                .size())
                        .as("the command side's token keys")
                        .isPositive();
                assertThat(List.of("command", "query"))
                        .allSatisfy(side -> assertThat(api.query("/v3/api-docs/" + side, null, null)
                                        .body()
                                        .at("/info/title")
                                        .asText())
                                .isEqualToIgnoringCase("Booking " + side + " API"));
            } finally {
                haproxy.destroy();
            }
        }
    }

    private static boolean answers(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static boolean onPath(String tool) {
        try {
            return new ProcessBuilder(tool, "-v").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
