package io.booking.command.occurrence;

import io.booking.command.CommandRefused;
import io.booking.command.consistency.Origin;
import io.booking.shared.occurrence.BookingPolicy;
import io.booking.shared.occurrence.OccurrenceScheduled;
import io.booking.shared.occurrence.Organiser;
import io.booking.shared.occurrence.SeatsReserved;
import io.booking.shared.occurrence.TicketType;
import io.booking.testsupport.MutableClock;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

class OccurrenceTest {

    private static final Instant NOW = Instant.parse("2026-06-01T09:00:00Z");
    private static final Instant START = NOW.plus(Duration.ofDays(7));
    private static final Instant END = START.plus(Duration.ofHours(2));

    private static final Origin ORIGIN = new Origin("customer:c-1", "request-1");

    private final MutableClock clock = new MutableClock(NOW);
    private AggregateTestFixture<Occurrence> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Occurrence.class);
        fixture.registerInjectableResource(clock);
    }

    private static OccurrenceScheduled scheduled(int capacity) {
        return new OccurrenceScheduled("ev-1", "Pottery", "Wheel throwing", START, END, "Studio 2",
                new Organiser("Clay Co", "hello@clay.example"),
                List.of(new TicketType("adult", "Adult", new BigDecimal("25.00"), capacity)),
                new BookingPolicy(true, true, 24), NOW);
    }

    @Test
    void anAdminSchedulesAnEventWithItsTicketTypes() {
        OccurrenceScheduled expected = scheduled(10);
        fixture.givenNoPriorActivity()
                .when(new ScheduleOccurrence("ev-1", "Pottery", "Wheel throwing", START, END, "Studio 2",
                        expected.organiser(), expected.ticketTypes(), expected.policy()))
                .expectSuccessfulHandlerExecution()
                .expectEvents(expected);
    }

    @Test
    void anEventThatEndsBeforeItStartsIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleOccurrence("ev-1", "Pottery", null, START, START.minusSeconds(1), "Studio 2",
                        new Organiser("Clay Co", null), scheduled(1).ticketTypes(), scheduled(1).policy()))
                .expectException(CommandRefused.class)
                .expectNoEvents();
    }

    private static ReserveSeats.SeatRequest seats(String bookingId, String ticketTypeId, int quantity) {
        return new ReserveSeats.SeatRequest(bookingId, ticketTypeId, quantity, ORIGIN);
    }

    @Test
    void reservingSeatsTakesThemAndSaysHowManyAreLeft() {
        fixture.given(scheduled(10))
                .when(new ReserveSeats("ev-1", List.of(seats("booking-1", "adult", 3))))
                .expectEvents(new SeatsReserved("ev-1", "adult", "booking-1", 3, 7))
                .expectResultMessagePayload(List.of(new Reservation("booking-1", null, 7)));
    }

    @Test
    void eachReservationCarriesTheOriginOfItsOwnRequest() {
        fixture.given(scheduled(10))
                .when(new ReserveSeats("ev-1", List.of(seats("booking-1", "adult", 3),
                        new ReserveSeats.SeatRequest("booking-2", "adult", 1, new Origin("customer:c-2", "request-2")))))
                .expectEventsMatching(new org.hamcrest.TypeSafeMatcher<List<? super EventMessage<?>>>() {
                    @Override
                    protected boolean matchesSafely(List<? super EventMessage<?>> events) {
                        return events.size() == 2
                                && "customer:c-1".equals(((EventMessage<?>) events.get(0)).getMetaData().get("actor"))
                                && "request-1".equals(((EventMessage<?>) events.get(0)).getMetaData().get("correlationId"))
                                && "customer:c-2".equals(((EventMessage<?>) events.get(1)).getMetaData().get("actor"))
                                && "request-2".equals(((EventMessage<?>) events.get(1)).getMetaData().get("causationId"));
                    }

                    @Override
                    public void describeTo(org.hamcrest.Description description) {
                        description.appendText("two reservations, each with its own request's actor and ids");
                    }
                });
    }

    @Test
    void theLastSeatsCanBeTakenExactly() {
        fixture.given(scheduled(4), new SeatsReserved("ev-1", "adult", "booking-1", 3, 1))
                .when(new ReserveSeats("ev-1", List.of(seats("booking-2", "adult", 1))))
                .expectEvents(new SeatsReserved("ev-1", "adult", "booking-2", 1, 0));
    }

    @Test
    void requestsTogetherAreServedInOrderAndTheOneThatNoLongerFitsIsRefusedAlone() {
        fixture.given(scheduled(5))
                .when(new ReserveSeats("ev-1", List.of(seats("b-1", "adult", 2), seats("b-2", "adult", 2),
                        seats("b-3", "adult", 2), seats("b-4", "adult", 1))))
                .expectEvents(new SeatsReserved("ev-1", "adult", "b-1", 2, 3),
                        new SeatsReserved("ev-1", "adult", "b-2", 2, 1),
                        new SeatsReserved("ev-1", "adult", "b-4", 1, 0))
                .expectResultMessagePayloadMatching(new org.hamcrest.TypeSafeMatcher<List<Reservation>>() {
                    @Override
                    protected boolean matchesSafely(List<Reservation> reservations) {
                        return reservations.get(0).reserved() && reservations.get(1).reserved()
                                && !reservations.get(2).reserved() && "sold-out".equals(reservations.get(2).refusal().rule())
                                && reservations.get(3).reserved();
                    }

                    @Override
                    public void describeTo(org.hamcrest.Description description) {
                        description.appendText("b-1, b-2, b-4 reserved; b-3 refused as sold out");
                    }
                });
    }

    @Test
    void moreSeatsThanAreLeftIsRefusedAsSoldOutWithoutAnEvent() {
        fixture.given(scheduled(4), new SeatsReserved("ev-1", "adult", "booking-1", 3, 1))
                .when(new ReserveSeats("ev-1", List.of(seats("booking-2", "adult", 2))))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayloadMatching(refusedBy("sold-out"));
    }

    @Test
    void anUnknownTicketTypeIsRefused() {
        fixture.given(scheduled(4))
                .when(new ReserveSeats("ev-1", List.of(seats("booking-1", "child", 1))))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(refusedBy("unknown-ticket-type"));
    }

    @Test
    void anEventThatHasStartedCannotBeBooked() {
        var scheduledEvent = fixture.given(scheduled(4));
        clock.set(START);
        scheduledEvent.when(new ReserveSeats("ev-1", List.of(seats("booking-1", "adult", 1))))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(refusedBy("event-started"));
    }

    private static org.hamcrest.Matcher<List<Reservation>> refusedBy(String rule) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(List<Reservation> reservations) {
                return reservations.size() == 1 && !reservations.get(0).reserved()
                        && rule.equals(reservations.get(0).refusal().rule());
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("one reservation refused by rule " + rule);
            }
        };
    }
}
