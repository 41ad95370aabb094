package io.booking.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.booking.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A portal's page served from its own origin drives both APIs in a real browser (Debian's Chromium, headless):
 * register, log in, book, and read the Upcoming tab with the booking's consistency token. Cross-origin requests,
 * preflights without a token and the readable consistency token are the browser's to enforce, not a test client's.
 */
class BrowserJourneyTest {

    /** Installed by .ci/run (apt-get install chromium) where it is missing. */
    private static final Path CHROMIUM =
            Path.of(System.getenv().getOrDefault("BOOKING_TEST_CHROMIUM", "/usr/bin/chromium"));

    private static final String ADMIN_EMAIL = "admin@browser.test";
    private static final String ADMIN_PASSWORD = "admin-password";

    @Test
    void aPortalPageOnAnotherOriginBooksAndReadsItsBooking(@TempDir Path profile) throws Exception {
        assumeTrue(
                Files.isExecutable(CHROMIUM),
                "no Chromium at " + CHROMIUM
                        + ": the browser test needs it (apt-get install chromium, as .ci/run does)");
        HttpServer portal = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        portal.createContext("/journey.html", exchange -> {
            try (InputStream page = getClass().getResourceAsStream("/browser/journey.html")) {
                byte[] body = page.readAllBytes();
                exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        portal.start();
        String origin = "http://127.0.0.1:" + portal.getAddress().getPort();
        Map<String, String> settings =
                TestSystems.smallPools(TestSystems.settings(TestDatabase.fresh(), ADMIN_EMAIL, ADMIN_PASSWORD));
        settings.put("booking.cors.allowed-origins", origin);
        try (BookingSystem system = BookingSystem.start(settings)) {
            Api api = new Api(system.commandPort(), system.queryPort());
            JsonNode event = api.schedule(
                    api.login(ADMIN_EMAIL, ADMIN_PASSWORD),
                    "Browser Night",
                    Instant.now().plus(9, ChronoUnit.DAYS));
            String url = origin + "/journey.html?command=" + encode("http://localhost:" + system.commandPort())
                    + "&query=" + encode("http://localhost:" + system.queryPort())
                    + "&eventId=" + event.get("eventId").asText()
                    + "&ticketTypeId=" + event.at("/ticketTypes/0/ticketTypeId").asText();

            String page = browse(url, profile);

            assertThat(page).as("the page after its journey").contains("journey: ok ");
        } finally {
            portal.stop(0);
        }
    }

    /** The page's DOM once its scripts and their requests are done (virtual time waits for the network). */
    private static String browse(String url, Path profile) throws Exception {
        Process chromium = new ProcessBuilder(List.of(
                        CHROMIUM.toString(),
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        // this machine's network is closed: no background calls to Google's services
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--user-data-dir=" + profile,
                        "--virtual-time-budget=60000",
                        "--dump-dom",
                        url))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String dom = new String(chromium.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(chromium.waitFor(90, TimeUnit.SECONDS))
                .as("Chromium finished")
                .isTrue();
        return dom;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
