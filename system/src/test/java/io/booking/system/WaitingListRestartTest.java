package io.booking.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.booking.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An offer's expiry is a deadline in PostgreSQL: the command side stops while the offer is open and stays stopped past
 * its end; two instances start on the same database, and the offer expires at once, exactly once, handing the seat to
 * the next in line.
 */
class WaitingListRestartTest {

    private static final String ADMIN_EMAIL = "admin@restart.test";
    private static final String ADMIN_PASSWORD = "admin-password";
    private static final Duration OFFER_HOLD = Duration.ofSeconds(4);

    @Test
    void anOpenOfferExpiresOnceAfterARestartWithTwoInstances() throws Exception {
        TestDatabase database = TestDatabase.fresh();
        // three systems in turn, two at once
        Map<String, String> settings =
                TestSystems.smallPools(TestSystems.settings(database, ADMIN_EMAIL, ADMIN_PASSWORD));
        settings.put("command.booking.waiting-list.offer-hold", OFFER_HOLD.toString());
        String eventId;
        Instant offerEnds;
        String firstEntry;
        try (BookingSystem before = BookingSystem.start(settings)) {
            Api api = new Api(before.commandPort(), before.queryPort());
            String admin = api.login(ADMIN_EMAIL, ADMIN_PASSWORD);
            Instant start = Instant.now().plus(30, ChronoUnit.DAYS);
            JsonNode event = api.command(
                            "/api/admin/events",
                            admin,
                            Map.of(
                                    "title",
                                    "Restart Show",
                                    "startsAt",
                                    start.toString(),
                                    "endsAt",
                                    start.plusSeconds(3600).toString(),
                                    "location",
                                    "Hall",
                                    "organiser",
                                    Map.of("name", "Clay Co"),
                                    "ticketTypes",
                                    List.of(Map.of("name", "Seat", "price", 10, "capacity", 1))))
                    .body();
            eventId = event.get("eventId").asText();
            String ticketTypeId = event.at("/ticketTypes/0/ticketTypeId").asText();
            String holder = customer(api, "holder");
            String bookingId = UUID.randomUUID().toString();
            assertThat(api.command(
                                    "/api/bookings",
                                    holder,
                                    Map.of(
                                            "bookingId",
                                            bookingId,
                                            "eventId",
                                            eventId,
                                            "ticketTypeId",
                                            ticketTypeId,
                                            "tickets",
                                            List.of(Map.of("attendeeName", "Holder"))))
                            .status())
                    .isEqualTo(201);
            Map<String, Object> join = Map.of("eventId", eventId, "ticketTypeId", ticketTypeId, "quantity", 1);
            firstEntry = api.command("/api/waiting-list", customer(api, "first"), join)
                    .body()
                    .get("entryId")
                    .asText();
            api.command("/api/waiting-list", customer(api, "second"), join);
            assertThat(api.command("/api/bookings/" + bookingId + "/cancellation", holder, Map.of())
                            .status())
                    .isEqualTo(200);
            assertThat(count(database, "SeatsOffered", eventId)).isEqualTo(1);
            offerEnds = Instant.now().plus(OFFER_HOLD);
        }
        // the offer's hold ends while nothing runs; then two instances share the database and its deadlines
        Instant due = offerEnds;
        await().atMost(OFFER_HOLD.plusSeconds(5)).until(() -> Instant.now().isAfter(due.plusSeconds(1)));
        try (BookingSystem one = BookingSystem.start(settings);
                BookingSystem two = BookingSystem.start(settings)) {
            // the deadline fires at the start, not when a retry comes round (5 minutes by db-scheduler's default)
            await().atMost(Duration.ofSeconds(10)).until(() -> expiriesOf(database, firstEntry) == 1);
            // both instances poll the deadline table twice a second: a second firing would show within this window
            await().during(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> expiriesOf(database, firstEntry) == 1);
            assertThat(count(database, "SeatsOffered", eventId))
                    .as("the seat went to the next in line")
                    .isGreaterThanOrEqualTo(2);
        }
    }

    private static String customer(Api api, String name) {
        String email = name + "-" + UUID.randomUUID() + "@restart.test";
        api.register("Customer " + name, email, "password-123");
        return api.login(email, "password-123");
    }

    private static long expiriesOf(TestDatabase database, String entryId) throws Exception {
        return Long.parseLong(scalarText(database, """
                select count(*) from command.domain_event_entry
                where payload_type = 'io.booking.shared.occurrence.OfferExpired'
                  and convert_from(payload, 'UTF8')::jsonb ->> 'entryId' = ?""", entryId));
    }

    private static long count(TestDatabase database, String eventType, String eventId) throws Exception {
        return Long.parseLong(scalarText(database, """
                select count(*) from command.domain_event_entry
                where payload_type = 'io.booking.shared.occurrence.' || ? and aggregate_identifier = ?""", eventType, eventId));
    }

    private static String scalarText(TestDatabase database, String sql, String... parameters) throws Exception {
        try (Connection c = database.connect();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
