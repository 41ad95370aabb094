package io.booking.command.occurrence;

import io.booking.command.CommandRefused;
import io.booking.shared.occurrence.BookingPolicy;
import io.booking.shared.occurrence.CapacityChanged;
import io.booking.shared.occurrence.OccurrenceCancelled;
import io.booking.shared.occurrence.OccurrenceEnded;
import io.booking.shared.occurrence.OccurrenceScheduled;
import io.booking.shared.occurrence.Organiser;
import io.booking.shared.occurrence.SeatsReleased;
import io.booking.shared.occurrence.SeatsReserved;
import io.booking.shared.occurrence.TicketType;
import io.booking.testsupport.MutableClock;
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

    private final MutableClock clock = new MutableClock(NOW);
    private AggregateTestFixture<Occurrence> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Occurrence.class);
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(new WaitingListPolicy(Duration.ofHours(24)));
    }

    private static OccurrenceScheduled scheduled(int capacity) {
        return new OccurrenceScheduled(
                "ev-1",
                "Pottery",
                "Wheel throwing",
                START,
                END,
                "Studio 2",
                new Organiser("Clay Co", "hello@clay.example"),
                List.of(new TicketType("adult", "Adult", new BigDecimal("25.00"), capacity)),
                new BookingPolicy(true, true, 24),
                NOW);
    }

    @Test
    void anAdminSchedulesAnEventWithItsTicketTypes() {
        OccurrenceScheduled expected = scheduled(10);
        fixture.givenNoPriorActivity()
                .when(new ScheduleOccurrence(
                        "ev-1",
                        "Pottery",
                        "Wheel throwing",
                        START,
                        END,
                        "Studio 2",
                        expected.organiser(),
                        expected.ticketTypes(),
                        expected.policy()))
                .expectSuccessfulHandlerExecution()
                .expectEvents(expected)
                .expectScheduledDeadlineWithName(END, Occurrence.END_DEADLINE);
    }

    @Test
    void twoTicketTypesWithOneNameAreRefused() {
        List<TicketType> sameName = List.of(
                new TicketType("a", "Adult", new BigDecimal("25.00"), 5),
                new TicketType("b", "adult", new BigDecimal("20.00"), 5));
        fixture.givenNoPriorActivity()
                .when(new ScheduleOccurrence(
                        "ev-1",
                        "Pottery",
                        null,
                        START,
                        END,
                        "Studio 2",
                        new Organiser("Clay Co", null),
                        sameName,
                        scheduled(1).policy()))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("two ticket types of the event have the same name")
                .expectNoEvents();
    }

    @Test
    void anEventThatEndsBeforeItStartsIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleOccurrence(
                        "ev-1",
                        "Pottery",
                        null,
                        START,
                        START.minusSeconds(1),
                        "Studio 2",
                        new Organiser("Clay Co", null),
                        scheduled(1).ticketTypes(),
                        scheduled(1).policy()))
                .expectException(CommandRefused.class)
                .expectNoEvents();
    }

    @Test
    void reservingSeatsTakesThemAndSaysHowManyAreLeftAndAtWhatPrice() {
        fixture.given(scheduled(10))
                .when(new ReserveSeats("ev-1", "adult", "booking-1", 3))
                .expectEvents(new SeatsReserved("ev-1", "adult", "booking-1", 3, 7))
                .expectResultMessagePayload(new Occurrence.Reservation(7, new BigDecimal("25.00")));
    }

    @Test
    void theLastSeatsCanBeTakenExactly() {
        fixture.given(scheduled(4), new SeatsReserved("ev-1", "adult", "booking-1", 3, 1))
                .when(new ReserveSeats("ev-1", "adult", "booking-2", 1))
                .expectEvents(new SeatsReserved("ev-1", "adult", "booking-2", 1, 0));
    }

    @Test
    void moreSeatsThanAreLeftIsRefusedAsSoldOut() {
        fixture.given(scheduled(4), new SeatsReserved("ev-1", "adult", "booking-1", 3, 1))
                .when(new ReserveSeats("ev-1", "adult", "booking-2", 2))
                .expectNoEvents()
                .expectException(CommandRefused.class)
                .expectExceptionMessage("not enough seats left for this booking");
    }

    @Test
    void anUnknownTicketTypeIsRefused() {
        fixture.given(scheduled(4))
                .when(new ReserveSeats("ev-1", "child", "booking-1", 1))
                .expectNoEvents()
                .expectException(CommandRefused.class)
                .expectExceptionMessage("the event has no such ticket type");
    }

    @Test
    void releasedSeatsGoBackOnSale() {
        fixture.given(scheduled(4), new SeatsReserved("ev-1", "adult", "booking-1", 3, 1))
                .when(ReleaseSeats.forCancellation("ev-1", "adult", "booking-1", 3, false))
                .expectEvents(new SeatsReleased("ev-1", "adult", "booking-1", 3, 4));
    }

    @Test
    void aCustomerCannotCancelInsideTheCutoffButAnAdminCan() {
        var reserved = fixture.given(scheduled(4), new SeatsReserved("ev-1", "adult", "booking-1", 3, 1));
        clock.set(START.minus(Duration.ofHours(23)));
        reserved.when(ReleaseSeats.forCancellation("ev-1", "adult", "booking-1", 3, false))
                .expectNoEvents()
                .expectException(CommandRefused.class);

        fixture.given(scheduled(4), new SeatsReserved("ev-1", "adult", "booking-1", 3, 1))
                .when(ReleaseSeats.forCancellation("ev-1", "adult", "booking-1", 3, true))
                .expectEvents(new SeatsReleased("ev-1", "adult", "booking-1", 3, 4));
    }

    @Test
    void capacityCanBeRaisedOrLoweredButNotBelowTheSeatsTaken() {
        fixture.given(scheduled(4), new SeatsReserved("ev-1", "adult", "booking-1", 3, 1))
                .when(new ChangeCapacity("ev-1", "adult", 10))
                .expectEvents(new CapacityChanged("ev-1", "adult", 10, 7));
        fixture.given(scheduled(4), new SeatsReserved("ev-1", "adult", "booking-1", 3, 1))
                .when(new ChangeCapacity("ev-1", "adult", 3))
                .expectEvents(new CapacityChanged("ev-1", "adult", 3, 0));
        fixture.given(scheduled(4), new SeatsReserved("ev-1", "adult", "booking-1", 3, 1))
                .when(new ChangeCapacity("ev-1", "adult", 2))
                .expectNoEvents()
                .expectException(CommandRefused.class)
                .expectExceptionMessage("the capacity cannot go below the seats already taken or held by offers");
    }

    @Test
    void aRaisedCapacityCanBeBooked() {
        fixture.given(
                        scheduled(1),
                        new SeatsReserved("ev-1", "adult", "booking-1", 1, 0),
                        new CapacityChanged("ev-1", "adult", 3, 2))
                .when(new ReserveSeats("ev-1", "adult", "booking-2", 2))
                .expectEvents(new SeatsReserved("ev-1", "adult", "booking-2", 2, 0));
    }

    @Test
    void aCancelledEventTakesNoMoreBookings() {
        fixture.given(scheduled(4), new OccurrenceCancelled("ev-1", "storm", NOW))
                .when(new ReserveSeats("ev-1", "adult", "booking-1", 1))
                .expectNoEvents()
                .expectException(CommandRefused.class)
                .expectExceptionMessage("the event was cancelled; it can no longer be booked");
    }

    @Test
    void anEventIsCancelledOnce() {
        fixture.given(scheduled(4))
                .when(new CancelOccurrence("ev-1", "storm"))
                .expectEvents(new OccurrenceCancelled("ev-1", "storm", NOW));
        fixture.given(scheduled(4), new OccurrenceCancelled("ev-1", "storm", NOW))
                .when(new CancelOccurrence("ev-1", "again"))
                .expectNoEvents()
                .expectException(CommandRefused.class);
    }

    @Test
    void anEventThatHasStartedCannotBeBooked() {
        var scheduledEvent = fixture.given(scheduled(4));
        clock.set(START);
        scheduledEvent
                .when(new ReserveSeats("ev-1", "adult", "booking-1", 1))
                .expectNoEvents()
                .expectException(CommandRefused.class);
    }

    @Test
    void aTransferFreesTheSourceSeatsWhileTheEventHasNotStartedAndNamesTheOrganiser() {
        fixture.given(scheduled(4), new SeatsReserved("ev-1", "adult", "booking-1", 3, 1))
                .when(new ReleaseSeats("ev-1", "adult", "booking-1", 2, false, ReleaseSeats.Purpose.TRANSFER))
                .expectEvents(new SeatsReleased("ev-1", "adult", "booking-1", 2, 3))
                .expectResultMessagePayload(new Organiser("Clay Co", "hello@clay.example"));
        // once started it is not
        var reserved = fixture.given(scheduled(4), new SeatsReserved("ev-1", "adult", "booking-1", 3, 1));
        clock.set(START.plusSeconds(1));
        reserved.when(new ReleaseSeats("ev-1", "adult", "booking-1", 1, false, ReleaseSeats.Purpose.TRANSFER))
                .expectNoEvents()
                .expectException(CommandRefused.class)
                .expectExceptionMessage("the event has started; its tickets can no longer be transferred");
    }

    /** A transfer to a later date and a cancellation there would get round the cancellation window. */
    @Test
    void aCustomerCannotTransferAwayInsideTheCancellationCutoffButAnAdminCan() {
        var reserved = fixture.given(scheduled(4), new SeatsReserved("ev-1", "adult", "booking-1", 3, 1));
        clock.set(START.minus(Duration.ofHours(23)));
        reserved.when(new ReleaseSeats("ev-1", "adult", "booking-1", 1, false, ReleaseSeats.Purpose.TRANSFER))
                .expectNoEvents()
                .expectException(CommandRefused.class)
                .expectExceptionMessage("tickets of this event can be transferred until 24 hours before it starts");

        fixture.given(scheduled(4), new SeatsReserved("ev-1", "adult", "booking-1", 3, 1))
                .when(new ReleaseSeats("ev-1", "adult", "booking-1", 1, true, ReleaseSeats.Purpose.TRANSFER))
                .expectEvents(new SeatsReleased("ev-1", "adult", "booking-1", 1, 2));
    }

    @Test
    void ticketsMoveInOnlyFromTheSameOrganiserAndOnlyWhereTransfersAreAllowed() {
        fixture.given(scheduled(4))
                .when(new ReserveSeats(
                        "ev-1",
                        "adult",
                        "booking-1",
                        2,
                        new ReserveSeats.TransferIn(new Organiser("Other Ltd", null), false)))
                .expectNoEvents()
                .expectException(CommandRefused.class)
                .expectExceptionMessage("tickets move only between events of the same organiser");
        OccurrenceScheduled noTransfers = new OccurrenceScheduled(
                "ev-1",
                "Pottery",
                "Wheel throwing",
                START,
                END,
                "Studio 2",
                new Organiser("Clay Co", "hello@clay.example"),
                scheduled(4).ticketTypes(),
                new BookingPolicy(false, true, 24),
                NOW);
        ReserveSeats transferIn = new ReserveSeats(
                "ev-1",
                "adult",
                "booking-1",
                2,
                new ReserveSeats.TransferIn(new Organiser("Clay Co", "hello@clay.example"), false));
        fixture.given(noTransfers)
                .when(transferIn)
                .expectNoEvents()
                .expectException(CommandRefused.class)
                .expectExceptionMessage("the target event does not accept transfers");
        fixture.given(scheduled(4))
                .when(transferIn)
                .expectEvents(new SeatsReserved("ev-1", "adult", "booking-1", 2, 2));
    }

    @Test
    void anEventEndsAtItsEndTimeThroughADeadlineUnlessItWasCancelled() {
        OccurrenceScheduled tracked = new OccurrenceScheduled(
                "ev-1",
                "Pottery",
                "Wheel throwing",
                START,
                END,
                "Studio 2",
                new Organiser("Clay Co", "hello@clay.example"),
                scheduled(4).ticketTypes(),
                new BookingPolicy(true, true, 24, true),
                NOW);
        ScheduleOccurrence schedule = new ScheduleOccurrence(
                "ev-1",
                "Pottery",
                "Wheel throwing",
                START,
                END,
                "Studio 2",
                tracked.organiser(),
                tracked.ticketTypes(),
                tracked.policy());
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(schedule)
                .whenTimeAdvancesTo(END)
                .expectTriggeredDeadlinesWithName(Occurrence.END_DEADLINE)
                .expectEvents(new OccurrenceEnded("ev-1", true, END));
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(schedule, new CancelOccurrence("ev-1", "storm"))
                .whenTimeAdvancesTo(END)
                .expectNoEvents();
    }
}
