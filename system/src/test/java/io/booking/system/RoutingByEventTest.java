package io.booking.system;

import io.booking.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
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
        assumeTrue(RoutingComponent.installed(), RoutingComponent.MISSING);
        Map<String, String> settings =
                TestSystems.smallPools(TestSystems.settings(TestDatabase.fresh(), ADMIN_EMAIL, ADMIN_PASSWORD));
        try (BookingSystem one = BookingSystem.start(settings);
                BookingSystem two = BookingSystem.start(settings);
                RoutingComponent routing = RoutingComponent.inFrontOf(List.of(one, two))) {
            Api api = routing.api();
            String admin = api.login(ADMIN_EMAIL, ADMIN_PASSWORD);
            // which node owns an event is its id's hash: events until both nodes own some
            Map<String, RoutingComponent.Owned> events = RoutingComponent.eventsOnEveryNode(api, admin, 2, SEATS, 2);

            api.register("Ada Lovelace", "ada@routing.test", "password-123");
            String customer = api.login("ada@routing.test", "password-123");
            long lastToken = 0;
            for (String eventId : events.keySet()) {
                List<Integer> statuses = new ArrayList<>();
                Set<String> servedBy = new HashSet<>();
                for (int i = 0; i < SEATS + 2; i++) {
                    Api.Answer booked = api.book(
                            customer,
                            UUID.randomUUID().toString(),
                            eventId,
                            events.get(eventId).ticketTypeId(),
                            "Ada");
                    statuses.add(booked.status());
                    servedBy.add(booked.header("X-Served-By"));
                    if (booked.status() == 201) {
                        lastToken = Math.max(lastToken, booked.consistencyToken());
                    }
                }
                assertThat(servedBy)
                        .as("nodes that took bookings of %s", eventId)
                        .containsExactly(events.get(eventId).node());
                assertThat(statuses).as("bookings of %s", eventId).containsExactlyInAnyOrder(201, 201, 201, 409, 409);
            }
            for (String eventId : events.keySet()) {
                assertThat(api.query("/api/events/" + eventId, null, lastToken)
                                .body()
                                .at("/ticketTypes/0/seatsLeft")
                                .asInt())
                        .isZero();
            }
        }
    }
}
