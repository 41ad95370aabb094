package io.booking.system;

import io.booking.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A command node becomes unreachable while bookings flow through the routing component: its events move to the other
 * node, and a client that got no answer sends the same booking again (same {@code bookingId}) until it has one. No
 * acknowledged booking is lost or stored twice, no event sells more than its seats, and the seats left are what the
 * acknowledged bookings took.
 */
class OwnershipMovesTest {

    private static final String ADMIN_EMAIL = "admin@moves.test";
    private static final String ADMIN_PASSWORD = "admin-pw-123";
    private static final int SEATS = 30;
    private static final int CLIENTS = 6;
    private static final int BOOKINGS_PER_CLIENT = 25;

    @Test
    void aNodeThatGoesAwayHandsItsEventsOnAndNothingIsLostOrDoubled() throws Exception {
        assumeTrue(RoutingComponent.installed(), RoutingComponent.MISSING);
        TestDatabase database = TestDatabase.fresh();
        Map<String, String> settings =
                TestSystems.smallPools(TestSystems.settings(database, ADMIN_EMAIL, ADMIN_PASSWORD));
        try (BookingSystem one = BookingSystem.start(settings);
                BookingSystem two = BookingSystem.start(settings);
                RoutingComponent routing = RoutingComponent.inFrontOf(List.of(one, two))) {
            Api api = routing.api();
            String admin = api.login(ADMIN_EMAIL, ADMIN_PASSWORD);
            Map<String, RoutingComponent.Owned> owned = RoutingComponent.eventsOnEveryNode(api, admin, 4, SEATS, 2);
            Map<String, String> ticketTypeOf = new HashMap<>();
            owned.forEach((eventId, event) -> ticketTypeOf.put(eventId, event.ticketTypeId()));
            List<String> events = new ArrayList<>(owned.keySet());

            AtomicInteger answered = new AtomicInteger();
            Map<String, String> acknowledged = new ConcurrentHashMap<>(); // bookingId -> eventId
            Set<String> servedAfterwards = ConcurrentHashMap.newKeySet();
            AtomicInteger stopped = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                running.add(clients.submit(() -> {
                    String email = "client" + client + "@moves.test";
                    api.register("Client " + client, email, "password-123");
                    String customer = api.login(email, "password-123");
                    for (int i = 0; i < BOOKINGS_PER_CLIENT; i++) {
                        String eventId = events.get((client + i) % events.size());
                        String bookingId = UUID.randomUUID().toString();
                        // sent once node one is away (an answer from before may arrive after it went)
                        boolean sentAfterwards = stopped.get() > 0;
                        Api.Answer answer =
                                SaleChecks.bookUntilAnswered(api, customer, bookingId, eventId, ticketTypeOf);
                        assertThat(answer.status()).as("booking %s", bookingId).isIn(201, 409);
                        if (answer.status() == 201) {
                            acknowledged.put(bookingId, eventId);
                        } else {
                            assertThat(answer.body().path("rule").asText()).isEqualTo("sold-out");
                        }
                        if (sentAfterwards) {
                            servedAfterwards.add(answer.header("X-Served-By"));
                        }
                        answered.incrementAndGet();
                    }
                    return null;
                }));
            }
            await().atMost(Duration.ofMinutes(2)).until(() -> answered.get() >= CLIENTS * BOOKINGS_PER_CLIENT / 3);
            // node one's command side becomes unreachable mid-sale: its open connections are cut
            ((ServletWebServerApplicationContext) one.commandSide())
                    .getWebServer()
                    .stop();
            stopped.set(1);
            for (Future<?> client : running) {
                client.get(3, TimeUnit.MINUTES);
            }
            clients.shutdown();

            assertThat(servedAfterwards)
                    .as("nodes that answered bookings sent after node one went away")
                    .containsOnly("command2");
            Map<String, Long> storedPerEvent = SaleChecks.storedBookings(database, acknowledged.keySet());
            for (String eventId : events) {
                long acknowledgedHere =
                        acknowledged.values().stream().filter(eventId::equals).count();
                assertThat(acknowledgedHere)
                        .as("bookings acknowledged for %s", eventId)
                        .isLessThanOrEqualTo(SEATS);
                assertThat(storedPerEvent.getOrDefault(eventId, 0L))
                        .as("acknowledged bookings of %s in the store, once each", eventId)
                        .isEqualTo(acknowledgedHere);
                assertThat(SaleChecks.seatsTakenInStore(database, eventId))
                        .as("seats taken of %s", eventId)
                        .isEqualTo(acknowledgedHere);
            }
        }
    }
}
