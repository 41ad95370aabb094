package io.booking.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.booking.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each side warms up before it reports ready: meanwhile its health answers 503 OUT_OF_SERVICE, so a load balancer
 * sends it nobody; then UP. What it sent itself changed nothing: no booking, key, manage link or mail is stored.
 */
class WarmUpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aStartingSideIsOutOfServiceWhileItWarmsUpAndItsWarmUpStoresNothing() throws Exception {
        TestDatabase database = TestDatabase.fresh();
        int commandPort = freePort();
        int queryPort = freePort();
        Map<String, String> settings =
                TestSystems.smallPools(TestSystems.settings(database, "admin@warm-up.test", "admin-password"));
        settings.put("command.server.port", String.valueOf(commandPort));
        settings.put("query.server.port", String.valueOf(queryPort));
        settings.put("booking.warm-up.duration", "3s");
        HttpClient http = HttpClient.newHttpClient();
        ExecutorService starter = Executors.newSingleThreadExecutor();
        try {
            Future<BookingSystem> starting = starter.submit(() -> BookingSystem.start(settings));
            Set<String> commandSide = new LinkedHashSet<>();
            Set<String> querySide = new LinkedHashSet<>();
            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        health(http, commandPort).ifPresent(commandSide::add);
                        health(http, queryPort).ifPresent(querySide::add);
                        return starting.isDone();
                    });
            try (BookingSystem system = starting.get()) {
                assertThat(commandSide).contains("503 OUT_OF_SERVICE");
                assertThat(querySide).contains("503 OUT_OF_SERVICE");
                assertThat(health(http, commandPort)).contains("200 UP");
                assertThat(health(http, queryPort)).contains("200 UP");
                try (Connection c = database.connect();
                        Statement s = c.createStatement()) {
                    assertThat(count(s, "command.domain_event_entry where type <> 'Account'"))
                            .isZero();
                    assertThat(count(s, "command.guest_booking")).isZero();
                    assertThat(count(s, "command.outbox")).isZero();
                    // the admin's key alone
                    assertThat(count(s, "command.personal_data_key")).isEqualTo(1);
                }
            }
        } finally {
            starter.shutdownNow();
        }
    }

    /** "status root-status" of the side's health, or empty while it does not answer. */
    private static Optional<String> health(HttpClient http, int port) {
        try {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return Optional.of(answer.statusCode() + " "
                    + JSON.readTree(answer.body()).path("status").asText());
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static long count(Statement s, String from) throws Exception {
        try (ResultSet rs = s.executeQuery("select count(*) from " + from)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int freePort() {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
