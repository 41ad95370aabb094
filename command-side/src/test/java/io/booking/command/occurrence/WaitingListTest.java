package io.booking.command.occurrence;

import io.booking.command.CommandRefused;
import io.booking.shared.occurrence.BookingPolicy;
import io.booking.shared.occurrence.OccurrenceScheduled;
import io.booking.shared.occurrence.OfferAccepted;
import io.booking.shared.occurrence.OfferExpired;
import io.booking.shared.occurrence.Organiser;
import io.booking.shared.occurrence.SeatsOffered;
import io.booking.shared.occurrence.SeatsReleased;
import io.booking.shared.occurrence.SeatsReserved;
import io.booking.shared.occurrence.TicketType;
import io.booking.shared.occurrence.WaitingListJoined;
import io.booking.shared.occurrence.WaitingListLeft;
import io.booking.testsupport.MutableClock;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The waiting list of a sold-out ticket type, on the event aggregate that holds its seats. */
class WaitingListTest {

    private static final Instant NOW = Instant.parse("2026-06-01T09:00:00Z");
    private static final Instant START = NOW.plus(Duration.ofDays(7));
    private static final Instant OFFER_EXPIRY = NOW.plus(Duration.ofHours(24));

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
                null,
                START,
                START.plus(Duration.ofHours(2)),
                "Studio 2",
                new Organiser("Clay Co", null),
                List.of(new TicketType("adult", "Adult", new BigDecimal("25.00"), capacity)),
                new BookingPolicy(true, true, 24),
                NOW);
    }

    private static WaitingListJoined joined(String entryId, String customerId, int quantity) {
        return new WaitingListJoined("ev-1", "adult", entryId, customerId, quantity, NOW);
    }

    @Test
    void joiningWhileSeatsAreFreeIsRefusedAndJoiningASoldOutTicketTypeQueues() {
        fixture.given(scheduled(4), new SeatsReserved("ev-1", "adult", "b-1", 3, 1))
                .when(new JoinWaitingList("ev-1", "adult", "w-1", "c-1", 1))
                .expectNoEvents()
                .expectException(CommandRefused.class)
                .expectExceptionMessage("seats are available: book instead");
        fixture.given(scheduled(4), new SeatsReserved("ev-1", "adult", "b-1", 3, 1))
                .when(new JoinWaitingList("ev-1", "adult", "w-1", "c-1", 2))
                .expectEvents(joined("w-1", "c-1", 2));
        fixture.given(scheduled(4), new SeatsReserved("ev-1", "adult", "b-1", 4, 0), joined("w-1", "c-1", 2))
                .when(new JoinWaitingList("ev-1", "adult", "w-2", "c-1", 1))
                .expectNoEvents()
                .expectExceptionMessage("you are already on the waiting list of this ticket type");
    }

    @Test
    void freedSeatsAreOfferedInJoinOrderSkippingOnlyThoseWhoseQuantityDoesNotFit() {
        fixture.given(
                        scheduled(4),
                        new SeatsReserved("ev-1", "adult", "b-1", 4, 0),
                        joined("w-1", "c-1", 3),
                        joined("w-2", "c-2", 1),
                        joined("w-3", "c-3", 1))
                .when(ReleaseSeats.forCancellation("ev-1", "adult", "b-1", 2, false))
                .expectEvents(
                        new SeatsReleased("ev-1", "adult", "b-1", 2, 2),
                        new SeatsOffered("ev-1", "adult", "w-2", "c-2", 1, NOW, OFFER_EXPIRY, 1),
                        new SeatsOffered("ev-1", "adult", "w-3", "c-3", 1, NOW, OFFER_EXPIRY, 0))
                .expectScheduledDeadlineWithName(OFFER_EXPIRY, Occurrence.OFFER_DEADLINE);
    }

    @Test
    void heldSeatsCannotBeBookedByAnyoneElse() {
        fixture.given(
                        scheduled(2),
                        new SeatsReserved("ev-1", "adult", "b-1", 2, 0),
                        joined("w-1", "c-1", 1),
                        new SeatsReleased("ev-1", "adult", "b-1", 1, 1),
                        new SeatsOffered("ev-1", "adult", "w-1", "c-1", 1, NOW, OFFER_EXPIRY, 0))
                .when(new ReserveSeats("ev-1", "adult", "b-2", 1))
                .expectNoEvents()
                .expectExceptionMessage("the ticket type is sold out");
    }

    @Test
    void theOfferedCustomerBooksTheHeldSeats() {
        fixture.given(
                        scheduled(2),
                        new SeatsReserved("ev-1", "adult", "b-1", 2, 0),
                        joined("w-1", "c-1", 1),
                        new SeatsReleased("ev-1", "adult", "b-1", 1, 1),
                        new SeatsOffered("ev-1", "adult", "w-1", "c-1", 1, NOW, OFFER_EXPIRY, 0))
                .when(new AcceptOffer("ev-1", "w-1", "c-1", "b-2", 1))
                .expectEvents(new OfferAccepted("ev-1", "adult", "w-1", "c-1", "b-2", 1, NOW))
                .expectResultMessagePayload(new Occurrence.Reservation(0, new BigDecimal("25.00")));
        fixture.given(scheduled(2), new SeatsReserved("ev-1", "adult", "b-1", 2, 0), joined("w-1", "c-1", 1))
                .when(new AcceptOffer("ev-1", "w-1", "c-1", "b-2", 1))
                .expectNoEvents()
                .expectExceptionMessage("there is no open offer for this entry yet");
    }

    @Test
    void anOfferNotTakenInTimeExpiresAndGoesToTheNextInLine() {
        var given = fixture.givenCurrentTime(NOW)
                .andGivenCommands(
                        new ScheduleOccurrence(
                                "ev-1",
                                "Pottery",
                                null,
                                START,
                                START.plus(Duration.ofHours(2)),
                                "Studio 2",
                                new Organiser("Clay Co", null),
                                List.of(new TicketType("adult", "Adult", new BigDecimal("25.00"), 1)),
                                new BookingPolicy(true, true, 24)),
                        new ReserveSeats("ev-1", "adult", "b-1", 1),
                        new JoinWaitingList("ev-1", "adult", "w-1", "c-1", 1),
                        new JoinWaitingList("ev-1", "adult", "w-2", "c-2", 1),
                        ReleaseSeats.forCancellation("ev-1", "adult", "b-1", 1, false));
        clock.set(OFFER_EXPIRY);
        given.whenTimeAdvancesTo(OFFER_EXPIRY)
                .expectTriggeredDeadlinesWithName(Occurrence.OFFER_DEADLINE)
                .expectEvents(
                        new OfferExpired("ev-1", "adult", "w-1", "c-1", OFFER_EXPIRY, 1),
                        new SeatsOffered(
                                "ev-1",
                                "adult",
                                "w-2",
                                "c-2",
                                1,
                                OFFER_EXPIRY,
                                OFFER_EXPIRY.plus(Duration.ofHours(24)),
                                0));
    }

    @Test
    void leavingWithAnOpenOfferHandsItToTheNextInLine() {
        fixture.given(
                        scheduled(1),
                        new SeatsReserved("ev-1", "adult", "b-1", 1, 0),
                        joined("w-1", "c-1", 1),
                        joined("w-2", "c-2", 1),
                        new SeatsReleased("ev-1", "adult", "b-1", 1, 1),
                        new SeatsOffered("ev-1", "adult", "w-1", "c-1", 1, NOW, OFFER_EXPIRY, 0))
                .when(new LeaveWaitingList("ev-1", "w-1", "c-1", false))
                .expectEvents(
                        new WaitingListLeft("ev-1", "adult", "w-1", "c-1", NOW, 1),
                        new SeatsOffered("ev-1", "adult", "w-2", "c-2", 1, NOW, OFFER_EXPIRY, 0));
        fixture.given(scheduled(1), new SeatsReserved("ev-1", "adult", "b-1", 1, 0), joined("w-1", "c-1", 1))
                .when(new LeaveWaitingList("ev-1", "w-1", "c-2", false))
                .expectNoEvents()
                .expectExceptionMessage("no such waiting list entry");
    }

    @Test
    void anOfferIsNeverHeldPastTheEventsStart() {
        clock.set(START.minus(Duration.ofHours(2)));
        fixture.given(scheduled(1), new SeatsReserved("ev-1", "adult", "b-1", 1, 0), joined("w-1", "c-1", 1))
                .when(ReleaseSeats.forCancellation("ev-1", "adult", "b-1", 1, true))
                .expectEvents(
                        new SeatsReleased("ev-1", "adult", "b-1", 1, 1),
                        new SeatsOffered("ev-1", "adult", "w-1", "c-1", 1, START.minus(Duration.ofHours(2)), START, 0));
    }

    @Test
    void aDeletedCustomerLeavesEveryLineOfTheEventAndTheirOfferGoesToTheNext() {
        fixture.given(
                        scheduled(1),
                        new SeatsReserved("ev-1", "adult", "b-1", 1, 0),
                        joined("w-1", "c-1", 1),
                        joined("w-2", "c-2", 1),
                        new SeatsReleased("ev-1", "adult", "b-1", 1, 1),
                        new SeatsOffered("ev-1", "adult", "w-1", "c-1", 1, NOW, OFFER_EXPIRY, 0))
                .when(new LeaveAllWaitingListsOf("ev-1", "c-1"))
                .expectEvents(
                        new WaitingListLeft("ev-1", "adult", "w-1", "c-1", NOW, 1),
                        new SeatsOffered("ev-1", "adult", "w-2", "c-2", 1, NOW, OFFER_EXPIRY, 0));
        fixture.given(scheduled(1), new SeatsReserved("ev-1", "adult", "b-1", 1, 0), joined("w-2", "c-2", 1))
                .when(new LeaveAllWaitingListsOf("ev-1", "c-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
