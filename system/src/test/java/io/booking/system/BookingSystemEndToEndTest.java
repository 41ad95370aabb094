package io.booking.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.booking.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Both sides on one fresh database, driven over HTTP as a portal would. */
class BookingSystemEndToEndTest {

    private static final String ADMIN_EMAIL = "admin@e2e.test";
    private static final String ADMIN_PASSWORD = "admin-password";

    private static TestDatabase database;
    private static BookingSystem system;
    private static Api api;

    @BeforeAll
    static void startBothSides() throws Exception {
        database = TestDatabase.fresh();
        system = BookingSystem.start(TestSystems.settings(database, ADMIN_EMAIL, ADMIN_PASSWORD));
        api = new Api(system.commandPort(), system.queryPort());
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void aCustomerBooksAndSeesTheBookingInUpcomingWithoutPolling() {
        String admin = api.login(ADMIN_EMAIL, ADMIN_PASSWORD);
        JsonNode event = schedule(admin, "Evening Pottery", 12);
        String customerId = api.register("Wilhelmina Crabtree", "wilhelmina@e2e.test", "password-123");
        String customer = api.login("wilhelmina@e2e.test", "password-123");

        Api.Answer booked = api.command(
                "/api/bookings",
                customer,
                Map.of(
                        "bookingId", UUID.randomUUID().toString(),
                        "eventId", event.get("eventId").asText(),
                        "ticketTypeId", event.at("/ticketTypes/0/ticketTypeId").asText(),
                        "tickets",
                                List.of(
                                        Map.of("attendeeName", "Wilhelmina Crabtree"),
                                        Map.of("attendeeName", "Tobias Crabtree", "child", true))));
        assertThat(booked.status()).isEqualTo(201);
        long consistencyToken = Long.parseLong(booked.header("X-Consistency-Token"));

        Api.Answer upcoming = api.query("/api/my/upcoming", customer, consistencyToken);

        assertThat(upcoming.status()).isEqualTo(200);
        JsonNode row = upcoming.body().at("/items/0");
        assertThat(row.get("reference").asText())
                .isEqualTo(booked.body().get("reference").asText());
        assertThat(row.at("/event/title").asText()).isEqualTo("Evening Pottery");
        assertThat(row.at("/event/location").asText()).isEqualTo("Studio 2");
        assertThat(row.at("/event/organiser/name").asText()).isEqualTo("Clay Co");
        assertThat(row.at("/ticketType/name").asText()).isEqualTo("Adult");
        assertThat(row.at("/tickets/0/attendeeName").asText()).isEqualTo("Wilhelmina Crabtree");
        assertThat(row.at("/tickets/1/child").asBoolean()).isTrue();
        assertThat(row.at("/actions/cancel").asBoolean()).isTrue();
        assertThat(row.at("/actions/transfer").asBoolean()).isTrue();

        // the answer's Location names where the booking is read (the query side's base is booking.query-url)
        String location = URI.create(booked.header("Location")).getPath();
        assertThat(location).isEqualTo("/api/bookings/" + row.get("reference").asText());
        Api.Answer details = api.query(location, customer, consistencyToken);
        assertThat(details.status()).isEqualTo(200);
        assertThat(details.body().get("customerId").asText()).isEqualTo(customerId);
        assertThat(details.body().at("/contact/name").asText()).isEqualTo("Wilhelmina Crabtree");
        assertThat(details.body().at("/contact/email").asText()).isEqualTo("wilhelmina@e2e.test");
        Api.Answer updated = api.put(
                "/api/accounts/me",
                customer,
                Map.of(
                        "name",
                        "Wilhelmina Crabtree",
                        "email",
                        "wilhelmina@e2e.test",
                        "customFields",
                        Map.of("Membership number", "M-1234")));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(api.query(
                                "/api/bookings/" + row.get("reference").asText(),
                                customer,
                                Long.parseLong(updated.header("X-Consistency-Token")))
                        .body()
                        .at("/contact/customFields/Membership number")
                        .asText())
                .isEqualTo("M-1234");
        assertThat(api.put(
                                "/api/accounts/me",
                                customer,
                                Map.of(
                                        "name",
                                        "W",
                                        "email",
                                        "wilhelmina@e2e.test",
                                        "customFields",
                                        Map.of("", "blank name")))
                        .status())
                .isEqualTo(400);

        api.register("Nosy Parker", "nosy@e2e.test", "password-123");
        String nosy = api.login("nosy@e2e.test", "password-123");
        assertThat(api.query("/api/bookings/" + row.get("reference").asText(), nosy, consistencyToken)
                        .status())
                .isEqualTo(404);
        assertThat(api.query("/api/admin/customers/" + customerId + "/upcoming", nosy, null)
                        .status())
                .isEqualTo(403);
        assertThat(api.query("/api/admin/customers/" + customerId + "/upcoming", admin, consistencyToken)
                        .body()
                        .at("/items/0/reference")
                        .asText())
                .isEqualTo(row.get("reference").asText());
    }

    @Test
    void aHundredConcurrentCustomersFightForTwentySeatsAndExactlyTwentyWin() throws Exception {
        String admin = api.login(ADMIN_EMAIL, ADMIN_PASSWORD);
        JsonNode event = schedule(admin, "Sold Out Show", 20);
        String eventId = event.get("eventId").asText();
        String ticketTypeId = event.at("/ticketTypes/0/ticketTypeId").asText();
        ExecutorService pool = Executors.newFixedThreadPool(100);
        try {
            List<String> tokens = loggedInCustomers(pool, "rush", 100);

            CountDownLatch start = new CountDownLatch(1);
            List<Future<Api.Answer>> attempts = tokens.stream()
                    .map(token -> pool.submit(() -> {
                        start.await();
                        return api.command(
                                "/api/bookings",
                                token,
                                Map.of(
                                        "bookingId",
                                        UUID.randomUUID().toString(),
                                        "eventId",
                                        eventId,
                                        "ticketTypeId",
                                        ticketTypeId,
                                        "tickets",
                                        List.of(Map.of("attendeeName", "Seat Hunter"))));
                    }))
                    .toList();
            start.countDown();
            List<Api.Answer> answers = new ArrayList<>();
            for (Future<Api.Answer> attempt : attempts) {
                answers.add(attempt.get());
            }

            assertThat(answers.stream().filter(a -> a.status() == 201)).hasSize(20);
            assertThat(answers.stream().filter(a -> a.status() == 409)).hasSize(80);
            assertThat(answers.stream().filter(a -> a.status() == 409))
                    .allSatisfy(a -> assertThat(a.body().get("rule").asText()).isEqualTo("sold-out"));
            assertThat(bookingsInStoreFor(eventId)).isEqualTo(20);
            long lastPosition = answers.stream()
                    .filter(a -> a.status() == 201)
                    .mapToLong(a -> a.body().get("consistencyToken").asLong())
                    .max()
                    .orElseThrow();
            Api.Answer listing = api.query("/api/events/" + eventId, null, lastPosition);
            assertThat(listing.body().at("/ticketTypes/0/seatsLeft").asInt()).isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anOnSaleRushSellsExactlyTheCapacityAndEverySuccessIsPersistedAndVisible() throws Exception {
        String admin = api.login(ADMIN_EMAIL, ADMIN_PASSWORD);
        JsonNode event = schedule(admin, "Rush Hour", 500);
        String eventId = event.get("eventId").asText();
        String ticketTypeId = event.at("/ticketTypes/0/ticketTypeId").asText();
        int clients = 64;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<String> tokens = loggedInCustomers(pool, "fan", clients);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Api.Answer>>> buyers = tokens.stream()
                    .map(token -> pool.submit(() -> {
                        start.await();
                        List<Api.Answer> mine = new ArrayList<>();
                        int wanted = 1 + ThreadLocalRandom.current().nextInt(4);
                        while (true) {
                            List<Map<String, Object>> tickets =
                                    java.util.Collections.nCopies(wanted, Map.of("attendeeName", "Fan"));
                            Api.Answer answer = api.command(
                                    "/api/bookings",
                                    token,
                                    Map.of(
                                            "bookingId",
                                            UUID.randomUUID().toString(),
                                            "eventId",
                                            eventId,
                                            "ticketTypeId",
                                            ticketTypeId,
                                            "tickets",
                                            tickets));
                            mine.add(answer);
                            if (answer.status() == 409) {
                                int left = answer.body().get("seatsLeft").asInt();
                                if (left == 0) {
                                    return mine;
                                }
                                wanted = Math.min(wanted, left);
                            } else if (answer.status() != 201) {
                                return mine;
                            }
                        }
                    }))
                    .toList();
            start.countDown();
            Map<String, List<Api.Answer>> answersByCustomer = new java.util.HashMap<>();
            for (int i = 0; i < buyers.size(); i++) {
                answersByCustomer.put(tokens.get(i), buyers.get(i).get());
            }

            List<Api.Answer> all =
                    answersByCustomer.values().stream().flatMap(List::stream).toList();
            assertThat(all).allSatisfy(a -> assertThat(a.status()).isIn(201, 409));
            List<Api.Answer> created =
                    all.stream().filter(a -> a.status() == 201).toList();
            assertThat(created.stream()
                            .mapToInt(a -> a.body().get("quantity").asInt())
                            .sum())
                    .isEqualTo(500);
            assertThat(bookingsInStoreFor(eventId)).isEqualTo(created.size());
            long lastPosition = created.stream()
                    .mapToLong(a -> a.body().get("consistencyToken").asLong())
                    .max()
                    .orElseThrow();
            for (Map.Entry<String, List<Api.Answer>> customer : answersByCustomer.entrySet()) {
                long booked = customer.getValue().stream()
                        .filter(a -> a.status() == 201)
                        .count();
                Api.Answer upcoming = api.query("/api/my/upcoming?size=1", customer.getKey(), lastPosition);
                assertThat(upcoming.body().get("totalItems").asLong()).isEqualTo(booked);
            }
            assertThat(api.query("/api/events/" + eventId, null, lastPosition)
                            .body()
                            .at("/ticketTypes/0/seatsLeft")
                            .asInt())
                    .isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCancelledBookingLeavesUpcomingAndItsSeatsGoBackOnSale() {
        String admin = api.login(ADMIN_EMAIL, ADMIN_PASSWORD);
        JsonNode event = schedule(admin, "Two Seats Only", 2);
        String eventId = event.get("eventId").asText();
        String ticketTypeId = event.at("/ticketTypes/0/ticketTypeId").asText();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<String> customers = loggedInCustomers(pool, "canceller", 3);
        pool.shutdown();
        String first = customers.get(0);
        String bookingId = UUID.randomUUID().toString();
        Map<String, Object> twoSeats = Map.of(
                "bookingId",
                bookingId,
                "eventId",
                eventId,
                "ticketTypeId",
                ticketTypeId,
                "tickets",
                List.of(Map.of("attendeeName", "Ann"), Map.of("attendeeName", "Bob")));
        assertThat(api.command("/api/bookings", first, twoSeats).status()).isEqualTo(201);
        assertThat(api.command(
                                "/api/bookings",
                                customers.get(1),
                                Map.of(
                                        "eventId",
                                        eventId,
                                        "ticketTypeId",
                                        ticketTypeId,
                                        "tickets",
                                        List.of(Map.of("attendeeName", "Cy"))))
                        .status())
                .isEqualTo(409);

        assertThat(api.command("/api/bookings/" + bookingId + "/cancellation", customers.get(2), Map.of())
                        .status())
                .isEqualTo(404);
        Api.Answer cancelled =
                api.command("/api/bookings/" + bookingId + "/cancellation", first, Map.of("reason", "ill"));

        assertThat(cancelled.status()).isEqualTo(200);
        long token = Long.parseLong(cancelled.header("X-Consistency-Token"));
        assertThat(api.query("/api/my/upcoming", first, token)
                        .body()
                        .get("totalItems")
                        .asInt())
                .isZero();
        JsonNode cancelledTab = api.query("/api/my/cancelled", first, token).body();
        assertThat(cancelledTab.at("/items/0/bookingId").asText()).isEqualTo(bookingId);
        assertThat(cancelledTab.at("/items/0/status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelledTab.at("/items/0/cancellation/by").asText()).isEqualTo("customer");
        assertThat(cancelledTab.at("/items/0/cancellation/reason").asText()).isEqualTo("ill");
        assertThat(cancelledTab.at("/items/0/actions/cancel").asBoolean()).isFalse();
        assertThat(api.query("/api/events/" + eventId, null, token)
                        .body()
                        .at("/ticketTypes/0/seatsLeft")
                        .asInt())
                .isEqualTo(2);
        assertThat(api.command("/api/bookings/" + bookingId + "/cancellation", first, Map.of())
                        .body()
                        .get("rule")
                        .asText())
                .isEqualTo("already-cancelled");
        assertThat(api.command(
                                "/api/bookings",
                                customers.get(1),
                                Map.of(
                                        "eventId",
                                        eventId,
                                        "ticketTypeId",
                                        ticketTypeId,
                                        "tickets",
                                        List.of(Map.of("attendeeName", "Cy"), Map.of("attendeeName", "Di"))))
                        .status())
                .isEqualTo(201);

        // sold out again; the admin adds one seat, which can be booked, and cannot go below the seats taken
        String capacity = "/api/admin/events/" + eventId + "/ticket-types/" + ticketTypeId + "/capacity";
        assertThat(api.put(capacity, admin, Map.of("capacity", 1))
                        .body()
                        .get("rule")
                        .asText())
                .isEqualTo("below-seats-taken");
        Api.Answer raised = api.put(capacity, admin, Map.of("capacity", 3));
        assertThat(raised.status()).isEqualTo(200);
        assertThat(api.query("/api/events/" + eventId, null, Long.parseLong(raised.header("X-Consistency-Token")))
                        .body()
                        .at("/ticketTypes/0/seatsLeft")
                        .asInt())
                .isEqualTo(1);
        assertThat(api.command(
                                "/api/bookings",
                                customers.get(2),
                                Map.of(
                                        "eventId",
                                        eventId,
                                        "ticketTypeId",
                                        ticketTypeId,
                                        "tickets",
                                        List.of(Map.of("attendeeName", "Ed"))))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void oneTicketIsCancelledWhileTheOthersStayBooked() {
        String admin = api.login(ADMIN_EMAIL, ADMIN_PASSWORD);
        JsonNode event = schedule(admin, "Family Matinee", 10);
        String eventId = event.get("eventId").asText();
        String customer = loggedInCustomer("family");
        String bookingId = UUID.randomUUID().toString();
        Api.Answer booked = api.command(
                "/api/bookings",
                customer,
                Map.of(
                        "bookingId",
                        bookingId,
                        "eventId",
                        eventId,
                        "ticketTypeId",
                        event.at("/ticketTypes/0/ticketTypeId").asText(),
                        "tickets",
                        List.of(
                                Map.of("attendeeName", "Mum"),
                                Map.of("attendeeName", "Kid", "child", true),
                                Map.of("attendeeName", "Dad"))));
        JsonNode row = api.query("/api/my/upcoming", customer, Long.parseLong(booked.header("X-Consistency-Token")))
                .body()
                .at("/items/0");
        String kidTicket = row.at("/tickets/1/ticketId").asText();

        Api.Answer cancelled = api.command(
                "/api/bookings/" + bookingId + "/tickets/" + kidTicket + "/cancellation",
                customer,
                Map.of("reason", "fever"));

        assertThat(cancelled.status()).isEqualTo(200);
        long token = Long.parseLong(cancelled.header("X-Consistency-Token"));
        JsonNode after = api.query("/api/my/upcoming", customer, token).body().at("/items/0");
        assertThat(after.get("status").asText()).isEqualTo("BOOKED");
        assertThat(after.at("/tickets/1/status").asText()).isEqualTo("CANCELLED");
        assertThat(after.at("/tickets/0/status").asText()).isEqualTo("BOOKED");
        assertThat(api.query("/api/my/cancelled", customer, token)
                        .body()
                        .at("/items/0/bookingId")
                        .asText())
                .isEqualTo(bookingId);
        assertThat(api.query("/api/events/" + eventId, null, token)
                        .body()
                        .at("/ticketTypes/0/seatsLeft")
                        .asInt())
                .isEqualTo(8);
        assertThat(api.command(
                                "/api/bookings/" + bookingId + "/tickets/" + kidTicket + "/cancellation",
                                customer,
                                Map.of())
                        .status())
                .isEqualTo(404);

        String attendance = "/api/admin/bookings/" + bookingId + "/tickets/"
                + row.at("/tickets/0/ticketId").asText() + "/attendance";
        assertThat(api.put(attendance, customer, Map.of("attendance", "ATTENDED"))
                        .status())
                .isEqualTo(403);
        assertThat(api.put(attendance, admin, Map.of("attendance", "MAYBE")).status())
                .isEqualTo(400);
        Api.Answer attended = api.put(attendance, admin, Map.of("attendance", "ATTENDED"));
        assertThat(attended.status()).isEqualTo(200);
        assertThat(api.query("/api/my/upcoming", customer, Long.parseLong(attended.header("X-Consistency-Token")))
                        .body()
                        .at("/items/0/tickets/0/attendance")
                        .asText())
                .isEqualTo("ATTENDED");
        assertThat(api.put(
                                "/api/admin/bookings/" + bookingId + "/tickets/" + kidTicket + "/attendance",
                                admin,
                                Map.of("attendance", "NO_SHOW"))
                        .status())
                .isEqualTo(404);

        Api.Answer rest = api.command("/api/bookings/" + bookingId + "/cancellation", customer, Map.of());
        long restToken = Long.parseLong(rest.header("X-Consistency-Token"));
        assertThat(api.query("/api/events/" + eventId, null, restToken)
                        .body()
                        .at("/ticketTypes/0/seatsLeft")
                        .asInt())
                .isEqualTo(10);
        assertThat(api.query("/api/my/upcoming", customer, restToken)
                        .body()
                        .get("totalItems")
                        .asInt())
                .isZero();
    }

    @Test
    void cancellingAnEventCancelsEveryActiveBookingByTheOrganiser() {
        String admin = api.login(ADMIN_EMAIL, ADMIN_PASSWORD);
        JsonNode event = schedule(admin, "Open Air Concert", 10);
        String eventId = event.get("eventId").asText();
        String ticketTypeId = event.at("/ticketTypes/0/ticketTypeId").asText();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<String> customers = loggedInCustomers(pool, "concertgoer", 3);
        pool.shutdown();
        List<String> bookingIds = new ArrayList<>();
        for (String customer : customers) {
            String bookingId = UUID.randomUUID().toString();
            api.command(
                    "/api/bookings",
                    customer,
                    Map.of(
                            "bookingId",
                            bookingId,
                            "eventId",
                            eventId,
                            "ticketTypeId",
                            ticketTypeId,
                            "tickets",
                            List.of(Map.of("attendeeName", "Fan"))));
            bookingIds.add(bookingId);
        }
        api.command("/api/bookings/" + bookingIds.get(2) + "/cancellation", customers.get(2), Map.of("reason", "busy"));

        assertThat(api.command(
                                "/api/admin/events/" + eventId + "/cancellation",
                                customers.get(0),
                                Map.of("reason", "storm"))
                        .status())
                .isEqualTo(403);
        Api.Answer cancelled =
                api.command("/api/admin/events/" + eventId + "/cancellation", admin, Map.of("reason", "storm"));

        assertThat(cancelled.status()).isEqualTo(200);
        long token = Long.parseLong(cancelled.header("X-Consistency-Token"));
        assertThat(api.query("/api/events/" + eventId, null, token)
                        .body()
                        .get("status")
                        .asText())
                .isEqualTo("CANCELLED");
        assertThat(api.command(
                                "/api/bookings",
                                customers.get(0),
                                Map.of(
                                        "eventId",
                                        eventId,
                                        "ticketTypeId",
                                        ticketTypeId,
                                        "tickets",
                                        List.of(Map.of("attendeeName", "Late"))))
                        .body()
                        .get("rule")
                        .asText())
                .isEqualTo("event-cancelled");
        // the bookings are cancelled after the event, by a processor following the store
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (int i = 0; i < 2; i++) {
                JsonNode row = api.query("/api/my/cancelled", customers.get(i), null)
                        .body()
                        .at("/items/0");
                assertThat(row.at("/cancellation/by").asText()).isEqualTo("organiser");
                assertThat(row.at("/cancellation/reason").asText()).isEqualTo("storm");
            }
        });
        JsonNode own =
                api.query("/api/my/cancelled", customers.get(2), null).body().at("/items/0/cancellation");
        assertThat(own.get("by").asText()).isEqualTo("customer");
        assertThat(api.command("/api/admin/events/" + eventId + "/cancellation", admin, Map.of("reason", "again"))
                        .status())
                .isEqualTo(409);
    }

    @Test
    void cancellationsRacingEachOtherFreeTheSeatsExactlyOnce() throws Exception {
        String admin = api.login(ADMIN_EMAIL, ADMIN_PASSWORD);
        JsonNode event = schedule(admin, "Racing Cancels", 5);
        String eventId = event.get("eventId").asText();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            String customer = loggedInCustomers(pool, "racer", 1).get(0);
            String bookingId = UUID.randomUUID().toString();
            assertThat(api.command(
                                    "/api/bookings",
                                    customer,
                                    Map.of(
                                            "bookingId",
                                            bookingId,
                                            "eventId",
                                            eventId,
                                            "ticketTypeId",
                                            event.at("/ticketTypes/0/ticketTypeId")
                                                    .asText(),
                                            "tickets",
                                            List.of(Map.of("attendeeName", "A"), Map.of("attendeeName", "B"))))
                            .status())
                    .isEqualTo(201);

            CountDownLatch start = new CountDownLatch(1);
            List<Future<Api.Answer>> cancels = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                cancels.add(pool.submit(() -> {
                    start.await();
                    return api.command("/api/bookings/" + bookingId + "/cancellation", customer, Map.of());
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            long token = 0;
            for (Future<Api.Answer> cancel : cancels) {
                Api.Answer answer = cancel.get();
                statuses.add(answer.status());
                if (answer.status() == 200) {
                    token = Long.parseLong(answer.header("X-Consistency-Token"));
                }
            }

            assertThat(statuses)
                    .containsOnly(200, 409)
                    .filteredOn(s -> s == 200)
                    .hasSize(1);
            assertThat(releasesInStoreFor(bookingId)).isEqualTo(1);
            assertThat(api.query("/api/events/" + eventId, null, token)
                            .body()
                            .at("/ticketTypes/0/seatsLeft")
                            .asInt())
                    .isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void seatsStayConsistentWhileFiftyCustomersBookAndCancelAtOnce() throws Exception {
        String admin = api.login(ADMIN_EMAIL, ADMIN_PASSWORD);
        int capacity = 60;
        JsonNode event = schedule(admin, "Busy Evening", capacity);
        String eventId = event.get("eventId").asText();
        String ticketTypeId = event.at("/ticketTypes/0/ticketTypeId").asText();
        int clients = 50;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<String> tokens = loggedInCustomers(pool, "busy", clients);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Api.Answer>>> work = tokens.stream()
                    .map(token -> pool.submit(() -> {
                        start.await();
                        List<Api.Answer> answers = new ArrayList<>();
                        List<String> mine = new ArrayList<>();
                        for (int round = 0; round < 8; round++) {
                            if (!mine.isEmpty() && ThreadLocalRandom.current().nextBoolean()) {
                                String bookingId =
                                        mine.remove(ThreadLocalRandom.current().nextInt(mine.size()));
                                answers.add(
                                        api.command("/api/bookings/" + bookingId + "/cancellation", token, Map.of()));
                            } else {
                                String bookingId = UUID.randomUUID().toString();
                                int seats = 1 + ThreadLocalRandom.current().nextInt(3);
                                Api.Answer booked = api.command(
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
                                                java.util.Collections.nCopies(seats, Map.of("attendeeName", "Guest"))));
                                answers.add(booked);
                                if (booked.status() == 201) {
                                    mine.add(bookingId);
                                }
                            }
                        }
                        return answers;
                    }))
                    .toList();
            start.countDown();
            long lastPosition = 0;
            for (Future<List<Api.Answer>> client : work) {
                for (Api.Answer answer : client.get()) {
                    assertThat(answer.status()).isIn(200, 201, 409);
                    if (answer.header("X-Consistency-Token") != null) {
                        lastPosition = Math.max(lastPosition, Long.parseLong(answer.header("X-Consistency-Token")));
                    }
                }
            }

            int seatsLeft = api.query("/api/events/" + eventId, null, lastPosition)
                    .body()
                    .at("/ticketTypes/0/seatsLeft")
                    .asInt();
            long takenInStore = takenInStore(eventId);
            long activeTicketsInReadModel = scalar("""
                    select count(*) from query.booking b join query.booking_ticket t on t.booking_id = b.booking_id
                    where b.event_id = ? and b.status = 'BOOKED'""", eventId);
            assertThat(takenInStore).isBetween(0L, (long) capacity);
            assertThat(activeTicketsInReadModel).isEqualTo(takenInStore);
            assertThat((long) capacity - seatsLeft).isEqualTo(takenInStore);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBookingIsTransferredToAnotherDateAndKeepsItsReferenceWhileOneTicketMovesOnItsOwn() {
        String admin = api.login(ADMIN_EMAIL, ADMIN_PASSWORD);
        JsonNode monday = schedule(admin, "Wheel Class Monday", 4);
        JsonNode friday = schedule(admin, "Wheel Class Friday", 4);
        JsonNode elsewhere = schedule(admin, "Other Organiser", 4, "Glass Ltd");
        String customer = loggedInCustomer("mover");
        String bookingId = UUID.randomUUID().toString();
        Api.Answer booked = bookAdaAndBen(customer, bookingId, monday);
        String reference = booked.body().get("reference").asText();

        Api.Answer refused = api.command(
                "/api/bookings/" + bookingId + "/transfer",
                customer,
                Map.of("eventId", idOf(elsewhere), "ticketTypeId", ticketTypeOf(elsewhere)));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("rule").asText()).isEqualTo("other-organiser");

        Api.Answer moved = api.command(
                "/api/bookings/" + bookingId + "/transfer",
                customer,
                Map.of("eventId", idOf(friday), "ticketTypeId", ticketTypeOf(friday)));
        assertThat(moved.status()).isEqualTo(200);
        long token = Long.parseLong(moved.header("X-Consistency-Token"));
        JsonNode details =
                api.query("/api/bookings/" + reference, customer, token).body();
        assertThat(details.at("/event/title").asText()).isEqualTo("Wheel Class Friday");
        assertThat(details.at("/tickets/0/eventId").asText()).isEqualTo(idOf(friday));
        assertThat(details.at("/transfers/0/fromEventId").asText()).isEqualTo(idOf(monday));
        assertThat(details.at("/transfers/0/toEventId").asText()).isEqualTo(idOf(friday));
        assertThat(details.at("/transfers/0/ticketIds")).hasSize(2);
        assertThat(seatsLeft(monday, token)).isEqualTo(4);
        assertThat(seatsLeft(friday, token)).isEqualTo(2);
        // the refused transfer to the other organiser changed nothing there
        assertThat(seatsLeft(elsewhere, token)).isEqualTo(4);

        String ben = details.at("/tickets/1/ticketId").asText();
        Api.Answer back = api.command(
                "/api/bookings/" + bookingId + "/transfer",
                customer,
                Map.of("ticketId", ben, "eventId", idOf(monday), "ticketTypeId", ticketTypeOf(monday)));
        assertThat(back.status()).isEqualTo(200);
        token = Long.parseLong(back.header("X-Consistency-Token"));
        details = api.query("/api/bookings/" + reference, customer, token).body();
        assertThat(details.at("/tickets/1/eventId").asText()).isEqualTo(idOf(monday));
        assertThat(details.at("/tickets/0/eventId").asText()).isEqualTo(idOf(friday));
        assertThat(seatsLeft(monday, token)).isEqualTo(3);
        assertThat(seatsLeft(friday, token)).isEqualTo(3);

        // cancelling the booking frees each ticket's seat at the event it is at now
        Api.Answer cancelled = api.command("/api/bookings/" + bookingId + "/cancellation", customer, Map.of());
        assertThat(cancelled.status()).isEqualTo(200);
        token = Long.parseLong(cancelled.header("X-Consistency-Token"));
        assertThat(seatsLeft(monday, token)).isEqualTo(4);
        assertThat(seatsLeft(friday, token)).isEqualTo(4);
        assertThat(api.query("/api/bookings/" + reference, customer, token)
                        .body()
                        .get("status")
                        .asText())
                .isEqualTo("CANCELLED");
    }

    /**
     * An auditor replays a booking: each change in order with who made it, and the booking as it stood between two
     * changes, from the event store; customers may not, and a moment before the booking shows no booking.
     */
    @Test
    void anAdminAuditsABookingChangeByChangeAndSeesItAsItStoodAtAnyMoment() {
        String admin = api.login(ADMIN_EMAIL, ADMIN_PASSWORD);
        JsonNode monday = schedule(admin, "Audit Class Monday", 4);
        JsonNode friday = schedule(admin, "Audit Class Friday", 4);
        String customer = loggedInCustomer("audited");
        String bookingId = UUID.randomUUID().toString();
        Api.Answer booked = bookAdaAndBen(customer, bookingId, monday);
        String reference = booked.body().get("reference").asText();
        JsonNode details = api.query("/api/bookings/" + reference, customer, booked.consistencyToken())
                .body();
        String ada = details.at("/tickets/0/ticketId").asText();
        String ben = details.at("/tickets/1/ticketId").asText();
        assertThat(details.at("/tickets/1/attendeeName").asText()).isEqualTo("Ben");
        assertThat(api.command(
                                "/api/bookings/" + bookingId + "/transfer",
                                customer,
                                Map.of("ticketId", ben, "eventId", idOf(friday), "ticketTypeId", ticketTypeOf(friday)))
                        .status())
                .isEqualTo(200);
        assertThat(api.command(
                                "/api/bookings/" + bookingId + "/tickets/" + ada + "/cancellation",
                                admin,
                                Map.of("reason", "Ada moved away"))
                        .status())
                .isEqualTo(200);
        Api.Answer marked = api.put(
                "/api/admin/bookings/" + bookingId + "/tickets/" + ben + "/attendance",
                admin,
                Map.of("attendance", "NO_SHOW"));
        assertThat(marked.status()).isEqualTo(200);
        String path = "/api/admin/bookings/" + reference + "/history";

        JsonNode history = api.query(path, admin, marked.consistencyToken()).body();

        assertThat(history.get("bookingId").asText()).isEqualTo(bookingId);
        assertThat(history.get("customerDeleted").asBoolean()).isFalse();
        // a reference read aloud or typed in lower case finds the booking too
        assertThat(api.query(path.replace(reference, reference.toLowerCase()), admin, null)
                        .body()
                        .get("bookingId")
                        .asText())
                .isEqualTo(bookingId);
        assertThat(history.get("changes").findValuesAsText("type"))
                .containsExactly("TicketsBooked", "TicketsTransferred", "TicketCancelled", "AttendanceRecorded");
        assertThat(history.get("changes").findValuesAsText("actorRole"))
                .containsExactly("customer", "customer", "admin", "admin");
        assertThat(history.at("/changes/0/details/tickets/0/attendeeName").asText())
                .isEqualTo("Ada");
        assertThat(history.at("/changes/2/details/sealedReason").asText()).isEqualTo("Ada moved away");
        assertThat(history.at("/state/status").asText()).isEqualTo("PARTLY_CANCELLED");
        assertThat(history.at("/state/tickets/0/status").asText()).isEqualTo("CANCELLED");
        assertThat(history.at("/state/tickets/1/eventId").asText()).isEqualTo(idOf(friday));
        assertThat(history.at("/state/tickets/1/attendance").asText()).isEqualTo("NO_SHOW");

        // as it stood after the transfer, before the cancellation
        String afterTransfer = history.at("/changes/1/recordedAt").asText();
        JsonNode then = api.query(path + "?at=" + afterTransfer, admin, null).body();
        assertThat(then.get("changes")).hasSize(2);
        assertThat(then.at("/state/status").asText()).isEqualTo("BOOKED");
        assertThat(then.at("/state/tickets/0/eventId").asText()).isEqualTo(idOf(monday));
        assertThat(then.at("/state/tickets/1/eventId").asText()).isEqualTo(idOf(friday));
        assertThat(then.at("/state/tickets/1/attendance").asText()).isEqualTo("BOOKED");
        String before = Instant.parse(history.at("/changes/0/recordedAt").asText())
                .minusMillis(1)
                .toString();
        JsonNode notYet = api.query(path + "?at=" + before, admin, null).body();
        assertThat(notYet.get("changes")).isEmpty();
        assertThat(notYet.get("state").isNull()).isTrue();

        assertThat(api.query(path, customer, null).status()).isEqualTo(403);
        assertThat(api.query("/api/admin/bookings/BK-NONE-SUCH/history", admin, null)
                        .status())
                .isEqualTo(404);
        // a path the server cannot decode is refused before any controller, and still as problem+json
        Api.Answer undecodable = api.query("/api/admin/bookings/%25/history", admin, null);
        assertThat(undecodable.status()).isEqualTo(400);
        assertThat(undecodable.header("Content-Type")).startsWith("application/problem+json");
        Api.Answer malformed = api.query(path + "?at=yesterday", admin, null);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().at("/errors/0/field").asText()).isEqualTo("at");
    }

    /** The back office finds a customer by part of their email and a booking by its reference or an attendee. */
    @Test
    void anAdminFindsCustomersAndBookingsByWhatTheyKnow() {
        String admin = api.login(ADMIN_EMAIL, ADMIN_PASSWORD);
        JsonNode event = schedule(admin, "Searchable Saturday", 6);
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String email = "philippa." + unique + "@search.test";
        String customerId = api.register("Philippa Quist", email, "password-123");
        String customer = api.login(email, "password-123");
        Api.Answer booked = api.command(
                "/api/bookings",
                customer,
                Map.of(
                        "eventId",
                        idOf(event),
                        "ticketTypeId",
                        ticketTypeOf(event),
                        "tickets",
                        List.of(Map.of("attendeeName", "Barnaby " + unique))));
        String reference = booked.body().get("reference").asText();
        api.query("/api/events", null, booked.consistencyToken());

        JsonNode byEmail = api.search(admin, Map.of("q", unique + "@SEARCH")).body();
        assertThat(byEmail.at("/customers/0/customerId").asText()).isEqualTo(customerId);
        assertThat(byEmail.at("/customers/0/name").asText()).isEqualTo("Philippa Quist");
        assertThat(byEmail.at("/customers/0/bookings").asInt()).isEqualTo(1);
        assertThat(byEmail.at("/bookings/0/reference").asText()).isEqualTo(reference);
        assertThat(byEmail.get("customers")).hasSize(1);
        JsonNode byAttendee =
                api.search(admin, Map.of("q", "barnaby " + unique)).body();
        assertThat(byAttendee.get("customers")).isEmpty();
        assertThat(byAttendee.at("/bookings/0/reference").asText()).isEqualTo(reference);
        assertThat(byAttendee.at("/bookings/0/eventTitle").asText()).isEqualTo("Searchable Saturday");
        assertThat(api.search(admin, Map.of("q", reference.toLowerCase()))
                        .body()
                        .at("/bookings/0/bookingId")
                        .asText())
                .isEqualTo(booked.body().get("bookingId").asText());

        assertThat(api.search(customer, Map.of("q", unique)).status()).isEqualTo(403);
        Api.Answer tooShort = api.search(admin, Map.of("q", "x"));
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.body().at("/errors/0/field").asText()).isEqualTo("q");
    }

    @Test
    void transfersRacingBookingsForTheLastSeatNeverLoseOrDoubleASeat() throws Exception {
        String admin = api.login(ADMIN_EMAIL, ADMIN_PASSWORD);
        JsonNode source = schedule(admin, "Race Source", 10);
        JsonNode target = schedule(admin, "Race Target", 1);
        int clients = 10;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<String> customers = loggedInCustomers(pool, "lastseat", clients);
            List<String> bookingIds = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                String bookingId = UUID.randomUUID().toString();
                assertThat(api.command(
                                        "/api/bookings",
                                        customers.get(i),
                                        Map.of(
                                                "bookingId",
                                                bookingId,
                                                "eventId",
                                                idOf(source),
                                                "ticketTypeId",
                                                ticketTypeOf(source),
                                                "tickets",
                                                List.of(Map.of("attendeeName", "Mover"))))
                                .status())
                        .isEqualTo(201);
                bookingIds.add(bookingId);
            }
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Api.Answer>> attempts = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                int client = i;
                attempts.add(pool.submit(() -> {
                    start.await();
                    return client < 5
                            ? api.command(
                                    "/api/bookings/" + bookingIds.get(client) + "/transfer",
                                    customers.get(client),
                                    Map.of("eventId", idOf(target), "ticketTypeId", ticketTypeOf(target)))
                            : api.command(
                                    "/api/bookings",
                                    customers.get(client),
                                    Map.of(
                                            "eventId",
                                            idOf(target),
                                            "ticketTypeId",
                                            ticketTypeOf(target),
                                            "tickets",
                                            List.of(Map.of("attendeeName", "Booker"))));
                }));
            }
            start.countDown();
            long token = 0;
            int winners = 0;
            for (Future<Api.Answer> attempt : attempts) {
                Api.Answer answer = attempt.get();
                assertThat(answer.status()).isIn(200, 201, 409);
                if (answer.status() != 409) {
                    winners++;
                    token = Math.max(token, Long.parseLong(answer.header("X-Consistency-Token")));
                }
            }

            assertThat(winners).isEqualTo(1);
            assertThat(seatsLeft(target, token)).isZero();
            assertThat(takenInStore(idOf(target))).isEqualTo(1);
            assertThat(takenInStore(idOf(source))).isEqualTo(5 - transfersInStore(bookingIds));
            assertThat(10 - seatsLeft(source, token)).isEqualTo(takenInStore(idOf(source)));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void seatsStayConsistentWhileFiftyCustomersBookCancelAndTransferBetweenTwoEvents() throws Exception {
        String admin = api.login(ADMIN_EMAIL, ADMIN_PASSWORD);
        int capacity = 40;
        List<JsonNode> events =
                List.of(schedule(admin, "Twin Morning", capacity), schedule(admin, "Twin Evening", capacity));
        int clients = 50;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<String> tokens = loggedInCustomers(pool, "twin", clients);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Api.Answer>>> work = tokens.stream()
                    .map(token -> pool.submit(() -> {
                        start.await();
                        ThreadLocalRandom random = ThreadLocalRandom.current();
                        List<Api.Answer> answers = new ArrayList<>();
                        List<String> mine = new ArrayList<>();
                        for (int round = 0; round < 8; round++) {
                            int action = mine.isEmpty() ? 0 : random.nextInt(3);
                            JsonNode event = events.get(random.nextInt(2));
                            if (action == 0) {
                                String bookingId = UUID.randomUUID().toString();
                                Api.Answer booked = api.command(
                                        "/api/bookings",
                                        token,
                                        Map.of(
                                                "bookingId",
                                                bookingId,
                                                "eventId",
                                                idOf(event),
                                                "ticketTypeId",
                                                ticketTypeOf(event),
                                                "tickets",
                                                java.util.Collections.nCopies(
                                                        1 + random.nextInt(3), Map.of("attendeeName", "Guest"))));
                                answers.add(booked);
                                if (booked.status() == 201) {
                                    mine.add(bookingId);
                                }
                            } else if (action == 1) {
                                String bookingId = mine.remove(random.nextInt(mine.size()));
                                answers.add(
                                        api.command("/api/bookings/" + bookingId + "/cancellation", token, Map.of()));
                            } else {
                                // to the other event, or a no-op refused as same-ticket-type
                                String bookingId = mine.get(random.nextInt(mine.size()));
                                answers.add(api.command(
                                        "/api/bookings/" + bookingId + "/transfer",
                                        token,
                                        Map.of("eventId", idOf(event), "ticketTypeId", ticketTypeOf(event))));
                            }
                        }
                        return answers;
                    }))
                    .toList();
            start.countDown();
            long lastPosition = 0;
            for (Future<List<Api.Answer>> client : work) {
                for (Api.Answer answer : client.get()) {
                    assertThat(answer.status()).isIn(200, 201, 409);
                    if (answer.header("X-Consistency-Token") != null) {
                        lastPosition = Math.max(lastPosition, Long.parseLong(answer.header("X-Consistency-Token")));
                    }
                }
            }

            for (JsonNode event : events) {
                // read through the consistency token first: the projections have then seen every answer's events
                int seatsLeft = seatsLeft(event, lastPosition);
                long taken = takenInStore(idOf(event));
                long activeTicketsInReadModel = scalar("""
                        select count(*) from query.booking_ticket where event_id = ? and status = 'BOOKED'""", idOf(event));
                assertThat(taken).isBetween(0L, (long) capacity);
                assertThat(activeTicketsInReadModel).isEqualTo(taken);
                assertThat((long) capacity - seatsLeft).isEqualTo(taken);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void whenAnEventWithAttendanceTrackingEndsItsUnmarkedTicketsBecomeAttendedWithoutAnyCommand() throws Exception {
        String admin = api.login(ADMIN_EMAIL, ADMIN_PASSWORD);
        Instant start = Instant.now().plusSeconds(4);
        JsonNode tracked = scheduleAt(admin, "Short Workshop", start, start.plusSeconds(2), true);
        JsonNode untracked = scheduleAt(admin, "Short Talk", start, start.plusSeconds(2), false);
        String customer = loggedInCustomer("shortie");
        String bookingId = UUID.randomUUID().toString();
        Api.Answer booked = api.command(
                "/api/bookings",
                customer,
                Map.of(
                        "bookingId",
                        bookingId,
                        "eventId",
                        idOf(tracked),
                        "ticketTypeId",
                        ticketTypeOf(tracked),
                        "tickets",
                        List.of(Map.of("attendeeName", "Came"), Map.of("attendeeName", "Stayed Home"))));
        assertThat(api.command(
                                "/api/bookings",
                                customer,
                                Map.of(
                                        "eventId",
                                        idOf(untracked),
                                        "ticketTypeId",
                                        ticketTypeOf(untracked),
                                        "tickets",
                                        List.of(Map.of("attendeeName", "Listener"))))
                        .status())
                .isEqualTo(201);
        JsonNode details = api.query(
                        "/api/bookings/" + booked.body().get("reference").asText(),
                        customer,
                        Long.parseLong(booked.header("X-Consistency-Token")))
                .body();
        String stayedHome = details.at("/tickets/1/ticketId").asText();
        assertThat(api.put(
                                "/api/admin/bookings/" + bookingId + "/tickets/" + stayedHome + "/attendance",
                                admin,
                                Map.of("attendance", "NO_SHOW"))
                        .status())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode past = api.query("/api/my/past?q=workshop", customer, null).body();
            assertThat(past.at("/items/0/tickets/0/attendance").asText()).isEqualTo("ATTENDED");
            assertThat(past.at("/items/0/tickets/1/attendance").asText()).isEqualTo("NO_SHOW");
        });
        // the untracked event ended too (its end is in the store) and its ticket stays as booked
        await().atMost(Duration.ofSeconds(30)).until(() -> scalar("""
                select count(*) from command.domain_event_entry
                where payload_type = 'io.booking.shared.occurrence.OccurrenceEnded' and aggregate_identifier = ?""", idOf(untracked)) == 1);
        assertThat(api.query("/api/my/past?q=talk", customer, null)
                        .body()
                        .at("/items/0/tickets/0/attendance")
                        .asText())
                .isEqualTo("BOOKED");
        assertThat(scalar("""
                select count(*) from command.domain_event_entry
                where payload_type = 'io.booking.shared.occurrence.OccurrenceEnded' and aggregate_identifier = ?""", idOf(tracked))).isEqualTo(1);
    }

    @Test
    void anOrderPlacesBookingsForTwoEventsAllOrNothingAndOnceWhenRetried() throws Exception {
        String admin = api.login(ADMIN_EMAIL, ADMIN_PASSWORD);
        JsonNode pottery = schedule(admin, "Order Pottery", 5);
        JsonNode glazing = schedule(admin, "Order Glazing", 2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<String> customers = loggedInCustomers(pool, "orderer", 2);
        pool.shutdown();
        String customer = customers.get(0);
        String orderId = UUID.randomUUID().toString();
        Map<String, Object> order = Map.of(
                "orderId",
                orderId,
                "lines",
                List.of(
                        Map.of(
                                "eventId",
                                idOf(pottery),
                                "ticketTypeId",
                                ticketTypeOf(pottery),
                                "tickets",
                                List.of(Map.of("attendeeName", "Ada"), Map.of("attendeeName", "Ben"))),
                        Map.of(
                                "eventId",
                                idOf(glazing),
                                "ticketTypeId",
                                ticketTypeOf(glazing),
                                "tickets",
                                List.of(Map.of("attendeeName", "Ada")))));

        Api.Answer placed = api.command("/api/orders", customer, order);
        Api.Answer retried = api.command("/api/orders", customer, order);

        assertThat(placed.status()).isEqualTo(201);
        assertThat(placed.body().get("total").asText()).isEqualTo("75.00");
        assertThat(placed.body().get("currency").asText()).isEqualTo("EUR");
        assertThat(placed.body().get("bookings")).hasSize(2);
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.body().get("reference").asText())
                .isEqualTo(placed.body().get("reference").asText());
        assertThat(retried.body().at("/bookings/1/reference").asText())
                .isEqualTo(placed.body().at("/bookings/1/reference").asText());
        // the same order id with another attendee is not a retry
        Api.Answer renamed = api.command(
                "/api/orders",
                customer,
                Map.of(
                        "orderId",
                        orderId,
                        "lines",
                        List.of(
                                Map.of(
                                        "eventId",
                                        idOf(pottery),
                                        "ticketTypeId",
                                        ticketTypeOf(pottery),
                                        "tickets",
                                        List.of(Map.of("attendeeName", "Ada"), Map.of("attendeeName", "Ben"))),
                                Map.of(
                                        "eventId",
                                        idOf(glazing),
                                        "ticketTypeId",
                                        ticketTypeOf(glazing),
                                        "tickets",
                                        List.of(Map.of("attendeeName", "Cy"))))));
        assertThat(renamed.status()).isEqualTo(409);
        assertThat(renamed.body().get("rule").asText()).isEqualTo("order-id-used");
        assertThat(scalar("""
                select count(*) from command.domain_event_entry
                where payload_type = 'io.booking.shared.order.OrderPlaced' and aggregate_identifier = ?""", orderId)).isEqualTo(1);
        long token = Long.parseLong(placed.header("X-Consistency-Token"));
        assertThat(seatsLeft(pottery, token)).isEqualTo(3);
        assertThat(seatsLeft(glazing, token)).isEqualTo(1);

        // the second line does not fit: neither line is booked
        Api.Answer refused = api.command(
                "/api/orders",
                customer,
                Map.of(
                        "lines",
                        List.of(
                                Map.of(
                                        "eventId",
                                        idOf(pottery),
                                        "ticketTypeId",
                                        ticketTypeOf(pottery),
                                        "tickets",
                                        List.of(Map.of("attendeeName", "Cy"))),
                                Map.of(
                                        "eventId",
                                        idOf(glazing),
                                        "ticketTypeId",
                                        ticketTypeOf(glazing),
                                        "tickets",
                                        List.of(Map.of("attendeeName", "Cy"), Map.of("attendeeName", "Di"))))));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("rule").asText()).isEqualTo("sold-out");
        assertThat(refused.body().get("line").asInt()).isEqualTo(1);
        // a line naming an event that does not exist is named too
        Api.Answer unknown = api.command(
                "/api/orders",
                customer,
                Map.of(
                        "lines",
                        List.of(
                                Map.of(
                                        "eventId",
                                        idOf(pottery),
                                        "ticketTypeId",
                                        ticketTypeOf(pottery),
                                        "tickets",
                                        List.of(Map.of("attendeeName", "Cy"))),
                                Map.of(
                                        "eventId",
                                        UUID.randomUUID().toString(),
                                        "ticketTypeId",
                                        ticketTypeOf(glazing),
                                        "tickets",
                                        List.of(Map.of("attendeeName", "Cy"))))));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("rule").asText()).isEqualTo("no-such-event");
        assertThat(unknown.body().get("line").asInt()).isEqualTo(1);
        assertThat(takenInStore(idOf(pottery))).isEqualTo(2);
        assertThat(api.command("/api/orders", customer, Map.of("lines", List.of()))
                        .status())
                .isEqualTo(400);

        String glazingBooking = placed.body().at("/bookings/1/bookingId").asText();
        Api.Answer cancelled = api.command("/api/bookings/" + glazingBooking + "/cancellation", customer, Map.of());
        long afterCancel = Long.parseLong(cancelled.header("X-Consistency-Token"));
        JsonNode mine = api.query("/api/my/orders", customer, afterCancel).body();
        assertThat(mine.get("totalItems").asInt()).isEqualTo(1);
        assertThat(mine.at("/items/0/reference").asText())
                .isEqualTo(placed.body().get("reference").asText());
        assertThat(mine.at("/items/0/status").asText()).isEqualTo("PARTLY_CANCELLED");
        assertThat(mine.at("/items/0/bookings/0/eventTitle").asText()).isEqualTo("Order Pottery");
        assertThat(mine.at("/items/0/bookings/0/unitPrice").asText()).isEqualTo("25.00");
        assertThat(mine.at("/items/0/bookings/1/status").asText()).isEqualTo("CANCELLED");
        String orderReference = placed.body().get("reference").asText();
        assertThat(api.query("/api/orders/" + orderReference, customer, afterCancel)
                        .status())
                .isEqualTo(200);
        assertThat(api.query("/api/orders/" + orderReference, customers.get(1), afterCancel)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void freedSeatsGoToTheWaitingListInJoinOrderAndTheOfferIsBooked() throws Exception {
        String admin = api.login(ADMIN_EMAIL, ADMIN_PASSWORD);
        JsonNode event = schedule(admin, "Popular Workshop", 2);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<String> customers = loggedInCustomers(pool, "waiter", 3);
        pool.shutdown();
        String holder = customers.get(0);
        String first = customers.get(1);
        String second = customers.get(2);
        String bookingId = UUID.randomUUID().toString();
        api.command(
                "/api/bookings",
                holder,
                Map.of(
                        "bookingId",
                        bookingId,
                        "eventId",
                        idOf(event),
                        "ticketTypeId",
                        ticketTypeOf(event),
                        "tickets",
                        List.of(Map.of("attendeeName", "Holder"), Map.of("attendeeName", "Friend"))));

        Map<String, Object> join = Map.of("eventId", idOf(event), "ticketTypeId", ticketTypeOf(event), "quantity", 1);
        Api.Answer firstJoined = api.command("/api/waiting-list", first, join);
        Api.Answer secondJoined = api.command("/api/waiting-list", second, join);
        assertThat(firstJoined.status()).isEqualTo(201);
        assertThat(api.command("/api/waiting-list", first, join)
                        .body()
                        .get("rule")
                        .asText())
                .isEqualTo("already-waiting");
        // an admin cannot put someone without an account in line (the entry could come to hold a seat for no one)
        Map<String, Object> ghost = new java.util.HashMap<>(join);
        ghost.put("customerId", UUID.randomUUID().toString());
        Api.Answer refused = api.command("/api/waiting-list", admin, ghost);
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.body().get("rule").asText()).isEqualTo("no-such-account");
        long token = Long.parseLong(secondJoined.header("X-Consistency-Token"));
        assertThat(api.query("/api/my/waiting-list", second, token)
                        .body()
                        .at("/items/0/position")
                        .asInt())
                .isEqualTo(2);
        String firstEntry = firstJoined.body().get("entryId").asText();

        // one ticket is cancelled: its seat is offered to the first in line, not put on sale
        String ticket = api.query("/api/my/upcoming", holder, token)
                .body()
                .at("/items/0/tickets/0/ticketId")
                .asText();
        Api.Answer cancelled =
                api.command("/api/bookings/" + bookingId + "/tickets/" + ticket + "/cancellation", holder, Map.of());
        token = Long.parseLong(cancelled.header("X-Consistency-Token"));
        JsonNode offer = api.query("/api/my/waiting-list", first, token).body().at("/items/0");
        assertThat(offer.get("status").asText()).isEqualTo("OFFERED");
        assertThat(offer.at("/offer/expiresAt").asText()).isNotEmpty();
        assertThat(offer.at("/actions/accept").asBoolean()).isTrue();
        assertThat(seatsLeft(event, token)).isZero();
        assertThat(api.command(
                                "/api/bookings",
                                holder,
                                Map.of(
                                        "eventId",
                                        idOf(event),
                                        "ticketTypeId",
                                        ticketTypeOf(event),
                                        "tickets",
                                        List.of(Map.of("attendeeName", "Sneaky"))))
                        .status())
                .isEqualTo(409);
        assertThat(api.command(
                                "/api/waiting-list/" + firstEntry + "/booking",
                                second,
                                Map.of("tickets", List.of(Map.of("attendeeName", "Not Mine"))))
                        .status())
                .isEqualTo(404);

        Api.Answer accepted = api.command(
                "/api/waiting-list/" + firstEntry + "/booking",
                first,
                Map.of("tickets", List.of(Map.of("attendeeName", "Patient Person"))));
        assertThat(accepted.status()).isEqualTo(201);
        token = Long.parseLong(accepted.header("X-Consistency-Token"));
        assertThat(api.query("/api/my/upcoming", first, token)
                        .body()
                        .at("/items/0/reference")
                        .asText())
                .isEqualTo(accepted.body().get("reference").asText());
        JsonNode line = api.query("/api/admin/events/" + idOf(event) + "/waiting-list", admin, token)
                .body();
        assertThat(line.at("/figures/joined").asInt()).isEqualTo(2);
        assertThat(line.at("/figures/offered").asInt()).isEqualTo(1);
        assertThat(line.at("/figures/converted").asInt()).isEqualTo(1);
        assertThat(line.at("/entries/0/status").asText()).isEqualTo("BOOKED");
        assertThat(line.at("/entries/1/status").asText()).isEqualTo("WAITING");
        assertThat(api.query("/api/my/waiting-list", second, token)
                        .body()
                        .at("/items/0/position")
                        .asInt())
                .isEqualTo(1);

        Api.Answer left = api.command(
                "/api/waiting-list/" + secondJoined.body().get("entryId").asText() + "/leave", second, Map.of());
        assertThat(left.status()).isEqualTo(200);
        assertThat(api.query("/api/my/waiting-list", second, Long.parseLong(left.header("X-Consistency-Token")))
                        .body()
                        .get("totalItems")
                        .asInt())
                .isZero();
    }

    private static String idOf(JsonNode event) {
        return event.get("eventId").asText();
    }

    private static String ticketTypeOf(JsonNode event) {
        return event.at("/ticketTypes/0/ticketTypeId").asText();
    }

    private static int seatsLeft(JsonNode event, long consistencyToken) {
        return api.query("/api/events/" + idOf(event), null, consistencyToken)
                .body()
                .at("/ticketTypes/0/seatsLeft")
                .asInt();
    }

    /** Seats reserved minus seats released for an event, summed from its events in the store. */
    private static long takenInStore(String eventId) throws Exception {
        return scalar("""
                select coalesce(sum(case when payload_type like '%SeatsReserved' then 1 else -1 end
                                    * (convert_from(payload, 'UTF8')::jsonb ->> 'quantity')::int), 0)
                from command.domain_event_entry
                where payload_type in ('io.booking.shared.occurrence.SeatsReserved', 'io.booking.shared.occurrence.SeatsReleased')
                  and convert_from(payload, 'UTF8')::jsonb ->> 'occurrenceId' = ?""", eventId);
    }

    private static long transfersInStore(List<String> bookingIds) throws Exception {
        long transfers = 0;
        for (String bookingId : bookingIds) {
            transfers += scalar("""
                    select count(*) from command.domain_event_entry
                    where payload_type = 'io.booking.shared.booking.TicketsTransferred' and aggregate_identifier = ?""", bookingId);
        }
        return transfers;
    }

    private static long scalar(String sql, String parameter) throws Exception {
        try (Connection c = database.connect();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long releasesInStoreFor(String bookingId) throws Exception {
        return scalar("""
                select count(*) from command.domain_event_entry
                where payload_type = 'io.booking.shared.occurrence.SeatsReleased'
                  and convert_from(payload, 'UTF8')::jsonb ->> 'bookingId' = ?""", bookingId);
    }

    /** Registers and logs in {@code count} customers at once; their bearer tokens in order. */
    private static String loggedInCustomer(String prefix) {
        ExecutorService pool = Executors.newFixedThreadPool(1);
        try {
            return loggedInCustomers(pool, prefix, 1).get(0);
        } finally {
            pool.shutdown();
        }
    }

    /** Two tickets, for Ada and Ben, of the event's first ticket type. */
    private static Api.Answer bookAdaAndBen(String customer, String bookingId, JsonNode event) {
        return api.command(
                "/api/bookings",
                customer,
                Map.of(
                        "bookingId",
                        bookingId,
                        "eventId",
                        idOf(event),
                        "ticketTypeId",
                        ticketTypeOf(event),
                        "tickets",
                        List.of(Map.of("attendeeName", "Ada"), Map.of("attendeeName", "Ben"))));
    }

    private static List<String> loggedInCustomers(ExecutorService pool, String prefix, int count) {
        List<Future<String>> logins = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String email = prefix + i + "@e2e.test";
            logins.add(pool.submit(() -> {
                api.register("Customer " + email.hashCode(), email, "password-123");
                return api.login(email, "password-123");
            }));
        }
        try {
            List<String> tokens = new ArrayList<>();
            for (Future<String> login : logins) {
                tokens.add(login.get());
            }
            return tokens;
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("customers could not register and log in", e);
        }
    }

    @Test
    void pricesAreDecimalStringsInTheDeploymentsCurrency() {
        String admin = api.login(ADMIN_EMAIL, ADMIN_PASSWORD);
        Instant start = Instant.now().plus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        java.util.function.Function<List<Object>, Api.Answer> scheduleWithPrices = prices -> api.command(
                "/api/admin/events",
                admin,
                Map.of(
                        "title", "Glaze night",
                        "startsAt", start.toString(),
                        "endsAt", start.plus(2, ChronoUnit.HOURS).toString(),
                        "location", "Studio 2",
                        "organiser", Map.of("name", "Clay Co"),
                        "ticketTypes",
                                prices.stream()
                                        .map(price -> Map.of("name", "Seat " + price, "price", price, "capacity", 5))
                                        .toList()));

        for (Object wrong : List.of("12.5.0", "12.505", "", "twelve")) {
            Api.Answer refused = scheduleWithPrices.apply(List.of(wrong));
            assertThat(refused.status()).as("price %s", wrong).isEqualTo(400);
            assertThat(refused.body().at("/errors/0/field").asText()).isEqualTo("ticketTypes[0].price");
        }

        // a generated client sends the described string; a hand-written one may still send a number
        Api.Answer scheduled = scheduleWithPrices.apply(List.of("12.5", 8, "0.10"));
        assertThat(scheduled.status()).isEqualTo(201);
        JsonNode page = api.query(
                        "/api/events/" + scheduled.body().get("eventId").asText(), null, scheduled.consistencyToken())
                .body();
        assertThat(page.get("currency").asText()).isEqualTo("EUR");
        assertThat(page.findValuesAsText("price")).containsExactly("12.50", "8.00", "0.10");
    }

    private static JsonNode schedule(String adminToken, String title, int capacity) {
        return schedule(adminToken, title, capacity, "Clay Co");
    }

    private static JsonNode scheduleAt(
            String adminToken, String title, Instant start, Instant end, boolean attendanceTracking) {
        Api.Answer scheduled = api.command(
                "/api/admin/events",
                adminToken,
                Map.of(
                        "title",
                        title,
                        "startsAt",
                        start.toString(),
                        "endsAt",
                        end.toString(),
                        "location",
                        "Studio 2",
                        "organiser",
                        Map.of("name", "Clay Co"),
                        "ticketTypes",
                        List.of(Map.of("name", "Adult", "price", 25, "capacity", 10)),
                        "policy",
                        Map.of(
                                "transfersAllowed",
                                true,
                                "cancellationsAllowed",
                                true,
                                "cancellationCutoffHours",
                                0,
                                "attendanceTracking",
                                attendanceTracking)));
        assertThat(scheduled.status()).isEqualTo(201);
        return scheduled.body();
    }

    private static JsonNode schedule(String adminToken, String title, int capacity, String organiser) {
        Instant start = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        Api.Answer scheduled = api.command(
                "/api/admin/events",
                adminToken,
                Map.of(
                        "title",
                        title,
                        "startsAt",
                        start.toString(),
                        "endsAt",
                        start.plus(2, ChronoUnit.HOURS).toString(),
                        "location",
                        "Studio 2",
                        "organiser",
                        Map.of("name", organiser, "contact", "hello@clay.example"),
                        "ticketTypes",
                        List.of(Map.of("name", "Adult", "price", 25, "capacity", capacity)),
                        "policy",
                        Map.of("transfersAllowed", true, "cancellationsAllowed", true, "cancellationCutoffHours", 24)));
        assertThat(scheduled.status()).isEqualTo(201);
        return scheduled.body();
    }

    private static long bookingsInStoreFor(String eventId) throws Exception {
        return scalar("""
                select count(*) from command.domain_event_entry
                where payload_type = 'io.booking.shared.booking.TicketsBooked'
                  and convert_from(payload, 'UTF8')::jsonb ->> 'occurrenceId' = ?""", eventId);
    }
}
