package io.booking.system;

import io.booking.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Operations over events that two command nodes sell, each its own (as the routing component sends them): a transfer
 * between them, an order over both, an account deletion cancelling at both, and a cancellation by booking id, which
 * any node takes. Each is one transaction on the node that takes it, so a refusal in its middle changes nothing; and
 * the seats it frees are sold by the event's own node, whose copy of the event in memory is older than the store.
 */
class CrossNodeOperationsTest {

    private static final String ADMIN_EMAIL = "admin@crossnode.test";
    private static final String ADMIN_PASSWORD = "admin-pw-123";
    private static final int SEATS = 10;

    private static BookingSystem one;
    private static BookingSystem two;
    private static Api nodeOne;
    private static Api nodeTwo;
    private static String admin;
    private static final AtomicLong lastToken = new AtomicLong();

    @BeforeAll
    static void twoNodes() throws Exception {
        Map<String, String> settings =
                TestSystems.smallPools(TestSystems.settings(TestDatabase.fresh(), ADMIN_EMAIL, ADMIN_PASSWORD));
        one = BookingSystem.start(settings);
        two = BookingSystem.start(settings);
        nodeOne = new Api(one.commandPort(), one.queryPort());
        nodeTwo = new Api(two.commandPort(), two.queryPort());
        admin = nodeOne.login(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (two != null) {
            two.close();
        }
        if (one != null) {
            one.close();
        }
    }

    @Test
    void aSeatFreedOnAnotherNodeIsSoldByTheEventsOwnNode() {
        Event event = schedule(nodeOne);
        String customer = customer("cora");
        List<String> bookings = sellOut(nodeOne, customer, event);

        Api.Answer cancelled = cancel(nodeTwo, customer, bookings.get(0));

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(book(nodeOne, customer, event).status())
                .as("the owner books the seat another node freed")
                .isEqualTo(201);
        assertThat(book(nodeOne, customer, event).status()).isEqualTo(409);
        assertSeats(event, 0);
    }

    @Test
    void aTransferIntoASoldOutEventOfAnotherNodeChangesNothingAndOneWithRoomMovesTheSeats() {
        Event from = schedule(nodeOne);
        Event to = schedule(nodeTwo);
        String customer = customer("tom");
        String moving = book(nodeOne, customer, from).body().get("bookingId").asText();
        List<String> atTarget = sellOut(nodeTwo, customer, to);

        // the source's seat is freed and the booking moved before the target refuses: all of it is undone
        Api.Answer refused = transfer(nodeOne, customer, moving, to);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("rule").asText()).isEqualTo("sold-out");
        assertSeats(from, SEATS - 1);
        assertSeats(to, 0);

        assertThat(cancel(nodeTwo, customer, atTarget.get(0)).status()).isEqualTo(200);
        assertThat(transfer(nodeOne, customer, moving, to).status()).isEqualTo(200);

        assertThat(book(nodeTwo, customer, to).status())
                .as("the target's node sees the seat the transfer took")
                .isEqualTo(409);
        assertSeats(to, 0);
        assertSeats(from, SEATS);
        assertThat(book(nodeOne, customer, from).status()).isEqualTo(201);
        assertSeats(from, SEATS - 1);
    }

    @Test
    void anOrderOverTwoNodesEventsIsAllOrNothing() {
        Event mine = schedule(nodeOne);
        Event theirs = schedule(nodeTwo);
        String customer = customer("olga");
        List<String> sold = sellOut(nodeTwo, customer, theirs);

        Api.Answer refused = order(nodeOne, customer, mine, theirs);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("line").asInt()).isEqualTo(1);
        assertSeats(mine, SEATS);

        assertThat(cancel(nodeOne, customer, sold.get(0)).status()).isEqualTo(200);
        assertThat(order(nodeOne, customer, mine, theirs).status()).isEqualTo(201);
        assertThat(book(nodeTwo, customer, theirs).status())
                .as("the other node sees the seat the order took")
                .isEqualTo(409);
        assertSeats(mine, SEATS - 1);
        assertSeats(theirs, 0);
    }

    @Test
    void anAccountDeletedOnOneNodeFreesItsSeatsForEveryEventsOwnNode() {
        Event first = schedule(nodeOne);
        Event second = schedule(nodeTwo);
        String leaving = customer("lea");
        String staying = customer("sam");
        sellOut(nodeOne, leaving, first);
        sellOut(nodeTwo, leaving, second);

        assertThat(seen(nodeOne.delete(
                                "/api/accounts/me",
                                leaving,
                                Map.of("password", "password-123", "cancelUpcomingBookings", true)))
                        .status())
                .isEqualTo(200);

        assertThat(book(nodeOne, staying, first).status()).isEqualTo(201);
        assertThat(book(nodeTwo, staying, second).status()).isEqualTo(201);
        assertSeats(first, SEATS - 1);
        assertSeats(second, SEATS - 1);
    }

    private record Event(String eventId, String ticketTypeId) {}

    private static Event schedule(Api node) {
        Instant start = Instant.now().plus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        var scheduled = node.schedule(admin, "Throwing", start);
        lastToken.accumulateAndGet(scheduled.path("consistencyToken").asLong(0), Math::max);
        return new Event(
                scheduled.get("eventId").asText(),
                scheduled.at("/ticketTypes/0/ticketTypeId").asText());
    }

    private static String customer(String name) {
        String email = name + "-" + UUID.randomUUID() + "@crossnode.test";
        nodeOne.register(name, email, "password-123");
        return nodeOne.login(email, "password-123");
    }

    private static Api.Answer book(Api node, String customer, Event event) {
        return seen(
                node.book(customer, UUID.randomUUID().toString(), event.eventId(), event.ticketTypeId(), "Attendee"));
    }

    /** @return the bookings that took every seat, one each, all through {@code node} */
    private static List<String> sellOut(Api node, String customer, Event event) {
        List<String> bookings = new ArrayList<>();
        while (true) {
            Api.Answer booked = book(node, customer, event);
            if (booked.status() == 409) {
                assertThat(bookings).hasSizeLessThanOrEqualTo(SEATS);
                return bookings;
            }
            assertThat(booked.status()).isEqualTo(201);
            bookings.add(booked.body().get("bookingId").asText());
        }
    }

    private static Api.Answer cancel(Api node, String customer, String bookingId) {
        return seen(node.command("/api/bookings/" + bookingId + "/cancellation", customer, Map.of()));
    }

    private static Api.Answer transfer(Api node, String customer, String bookingId, Event to) {
        return seen(node.command(
                "/api/bookings/" + bookingId + "/transfer",
                customer,
                Map.of("eventId", to.eventId(), "ticketTypeId", to.ticketTypeId())));
    }

    private static Api.Answer order(Api node, String customer, Event... events) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Event event : events) {
            lines.add(Map.of(
                    "eventId", event.eventId(),
                    "ticketTypeId", event.ticketTypeId(),
                    "tickets", List.of(Map.of("attendeeName", "Attendee"))));
        }
        return seen(node.command(
                "/api/orders", customer, Map.of("orderId", UUID.randomUUID().toString(), "lines", lines)));
    }

    /** The seats left in the store's last word on the event, as both nodes' listings show it once caught up. */
    private static void assertSeats(Event event, int left) {
        for (Api node : List.of(nodeOne, nodeTwo)) {
            assertThat(node.queryWaitingAtMost("/api/events/" + event.eventId(), null, latestPosition(), 30)
                            .body()
                            .at("/ticketTypes/0/seatsLeft")
                            .asInt())
                    .as("seats left of %s", event.eventId())
                    .isEqualTo(left);
        }
    }

    /** The latest consistency token any command of the test was answered with. */
    private static long latestPosition() {
        return lastToken.get();
    }

    private static Api.Answer seen(Api.Answer answer) {
        if (answer.header("X-Consistency-Token") != null) {
            lastToken.accumulateAndGet(answer.consistencyToken(), Math::max);
        }
        return answer;
    }
}
