package io.booking.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.booking.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the whole system on the same database, as behind a load balancer.
 * <p>
 * They sell one event at once. Each places its waiting bookings together under its own lock of the event; only the
 * store's sequence number stands between them, and it must be enough: never a seat sold twice, every success stored,
 * and a booking that lost a race is retried by the client with the same booking id.
 * <p>
 * And a customer's next query may reach the other instance, whose query side may own none of the processors' segments:
 * it still reads its own writes promptly.
 */
class TwoInstanceRushTest {

    private static final String ADMIN_EMAIL = "admin@two.test";
    private static final String ADMIN_PASSWORD = "admin-password";
    private static final int SEATS = 300;
    private static final int CLIENTS_PER_INSTANCE = 12;

    private static TestDatabase database;
    private static BookingSystem one;
    private static BookingSystem two;
    private static List<Api> instances;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        database = TestDatabase.fresh();
        Map<String, String> settings =
                TestSystems.smallPools(TestSystems.settings(database, ADMIN_EMAIL, ADMIN_PASSWORD));
        // an erased person's token stays trusted by the other instance for longer than the test: the account's
        // erasure itself must stop what they try there
        settings.put("booking.security.password-version-cache", "PT5M");
        one = BookingSystem.start(settings);
        two = BookingSystem.start(settings);
        instances = List.of(new Api(one.commandPort(), one.queryPort()), new Api(two.commandPort(), two.queryPort()));
    }

    @AfterAll
    static void stop() {
        for (BookingSystem system : new BookingSystem[] {two, one}) {
            if (system != null) {
                system.close();
            }
        }
    }

    /**
     * A processor's segment claimed by the other instance is judged by its stored token, which Axon writes late for
     * events that processor does not handle (a waiting list ignores a booking): each booking's query, sent to the
     * instance that did not take the booking and asking to wait at most two seconds, finds the booking.
     */
    @Test
    void aBookingTakenByOneInstanceIsReadPromptlyThroughTheOther() {
        Api first = instances.get(0);
        String admin = first.login(ADMIN_EMAIL, ADMIN_PASSWORD);
        JsonNode event = first.schedule(admin, "Either Door", Instant.now().plus(20, ChronoUnit.DAYS));
        String eventId = event.get("eventId").asText();
        String ticketTypeId = event.at("/ticketTypes/0/ticketTypeId").asText();
        for (int i = 0; i < 4; i++) {
            Api booker = instances.get(i % 2);
            Api reader = instances.get((i + 1) % 2);
            String email = "reader-" + UUID.randomUUID() + "@two.test";
            booker.register("Reader", email, "password-123");
            String token = booker.login(email, "password-123");
            String bookingId = UUID.randomUUID().toString();
            Api.Answer booked = booker.command(
                    "/api/bookings",
                    token,
                    Map.of(
                            "bookingId",
                            bookingId,
                            "eventId",
                            eventId,
                            "ticketTypeId",
                            ticketTypeId,
                            "tickets",
                            List.of(Map.of("attendeeName", "Reader"))));
            assertThat(booked.status()).isEqualTo(201);

            Api.Answer upcoming = reader.queryWaitingAtMost("/api/my/upcoming", token, booked.consistencyToken(), 2);
            assertThat(upcoming.status())
                    .as("read through the other instance: %s", upcoming.body())
                    .isEqualTo(200);
            assertThat(upcoming.body().findValuesAsText("bookingId")).contains(bookingId);
        }
    }

    /**
     * A person erased through one instance books nothing more through the other, although that one had just read
     * their key for a booking and still trusts their token (its key cache is bounded too: PersonalDataKeyStore).
     */
    @Test
    void aPersonErasedThroughOneInstanceIsGoneOnTheOtherWithinTheCachesBound() {
        Api reader = instances.get(0);
        Api eraser = instances.get(1);
        JsonNode event = reader.schedule(
                reader.login(ADMIN_EMAIL, ADMIN_PASSWORD),
                "Erasure Night",
                Instant.now().plus(20, ChronoUnit.DAYS));
        String email = "erased-" + UUID.randomUUID() + "@two.test";
        reader.register("Erased", email, "password-123");
        String token = reader.login(email, "password-123");
        assertThat(bookOne(reader, token, event).status())
                .as("the first instance reads the key")
                .isEqualTo(201);

        Api.Answer deleted = eraser.delete(
                "/api/accounts/me", token, Map.of("password", "password-123", "cancelUpcomingBookings", true));
        assertThat(deleted.status()).as(String.valueOf(deleted.body())).isEqualTo(200);

        assertThat(bookOne(reader, token, event).status())
                .as("a booking of the erased person through the instance that had their key")
                .isIn(404, 409);
    }

    private static Api.Answer bookOne(Api api, String token, JsonNode event) {
        return api.book(
                token,
                UUID.randomUUID().toString(),
                event.get("eventId").asText(),
                event.at("/ticketTypes/0/ticketTypeId").asText(),
                "Erased");
    }

    @Test
    void twoInstancesSellingOneEventSellEachSeatOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2 * CLIENTS_PER_INSTANCE);
        try {
            Api first = instances.get(0);
            String admin = first.login(ADMIN_EMAIL, ADMIN_PASSWORD);
            Instant start = Instant.now().plus(30, ChronoUnit.DAYS);
            JsonNode event = first.command(
                            "/api/admin/events",
                            admin,
                            Map.of(
                                    "title",
                                    "Two Doors",
                                    "startsAt",
                                    start.toString(),
                                    "endsAt",
                                    start.plusSeconds(3600).toString(),
                                    "location",
                                    "Hall",
                                    "organiser",
                                    Map.of("name", "Org"),
                                    "ticketTypes",
                                    List.of(Map.of("name", "Seat", "price", 10, "capacity", SEATS))))
                    .body();
            String eventId = event.get("eventId").asText();
            String ticketTypeId = event.at("/ticketTypes/0/ticketTypeId").asText();

            CountDownLatch go = new CountDownLatch(1);
            List<Future<Sales>> clients = new ArrayList<>();
            for (int i = 0; i < 2 * CLIENTS_PER_INSTANCE; i++) {
                Api api = instances.get(i % 2);
                String email = "buyer-" + UUID.randomUUID() + "@two.test";
                api.register("Buyer", email, "password-123");
                String token = api.login(email, "password-123");
                clients.add(pool.submit(() -> {
                    go.await();
                    return buy(api, token, eventId, ticketTypeId);
                }));
            }
            go.countDown();
            List<Sales> sales = new ArrayList<>();
            for (Future<Sales> client : clients) {
                sales.add(client.get());
            }

            assertThat(sales)
                    .allSatisfy(s -> assertThat(s.unexpected())
                            .as("answers other than 201 and 409")
                            .isEmpty());
            assertThat(sales.stream().mapToInt(Sales::seats).sum()).isEqualTo(SEATS);
            int bookings = sales.stream().mapToInt(s -> s.bookingIds().size()).sum();
            assertThat(scalar(database, """
                    select count(*) from command.domain_event_entry
                    where aggregate_identifier = ? and payload_type like '%.SeatsReserved'""", eventId)).isEqualTo(bookings);
            assertThat(scalar(database, """
                    select coalesce(sum(quantity), 0) from command.booking_reference where occurrence_id = ?""", eventId)).isEqualTo(SEATS);
            for (int instance = 0; instance < 2; instance++) {
                int seatsHere = 0;
                for (int i = instance; i < sales.size(); i += 2) {
                    seatsHere += sales.get(i).seats();
                }
                assertThat(seatsHere)
                        .as("seats sold through instance %d", instance + 1)
                        .isPositive();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Books 1-3 seats at a time until sold out; a booking that lost a race is sent again as it was. */
    private static Sales buy(Api api, String token, String eventId, String ticketTypeId) {
        Sales sales = new Sales(new ArrayList<>(), new ArrayList<>(), new int[1]);
        int wanted = ThreadLocalRandom.current().nextInt(1, 4);
        String bookingId = UUID.randomUUID().toString();
        while (true) {
            Api.Answer answer = api.command(
                    "/api/bookings",
                    token,
                    Map.of(
                            "bookingId",
                            bookingId,
                            "eventId",
                            eventId,
                            "ticketTypeId",
                            ticketTypeId,
                            "tickets",
                            Collections.nCopies(wanted, Map.of("attendeeName", "Buyer"))));
            if (answer.status() == 201) {
                sales.bookingIds().add(bookingId);
                sales.seatsSold()[0] += wanted;
                bookingId = UUID.randomUUID().toString();
            } else if (answer.status() == 409
                    && "concurrent-change".equals(answer.body().get("rule").asText())) {
                // the other instance changed the event at the same moment: the same request again
            } else if (answer.status() == 409
                    && "sold-out".equals(answer.body().get("rule").asText())) {
                int left = answer.body().get("seatsLeft").asInt();
                if (left == 0) {
                    return sales;
                }
                wanted = Math.min(wanted, left);
            } else {
                sales.unexpected().add(answer.status() + " " + answer.body());
                return sales;
            }
        }
    }

    private record Sales(List<String> bookingIds, List<String> unexpected, int[] seatsSold) {

        int seats() {
            return seatsSold[0];
        }
    }

    private static int scalar(TestDatabase database, String sql, String parameter) throws Exception {
        try (Connection c = database.connect();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
