package io.booking.command.booking;

import io.booking.command.CommandRefused;
import io.booking.command.occurrence.ReleaseSeats;
import io.booking.shared.booking.Attendance;
import io.booking.shared.booking.AttendanceRecorded;
import io.booking.shared.booking.BookedTicket;
import io.booking.shared.booking.BookingCancelled;
import io.booking.shared.booking.TicketCancelled;
import io.booking.shared.booking.TicketsBooked;
import io.booking.shared.booking.TicketsTransferred;
import io.booking.shared.personal.PersonalData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;

class BookingTest {

    private static final Instant NOW = Instant.parse("2026-06-01T09:00:00Z");
    // a reason is free text that may name people: the handler seals it with the customer's key before it gets here
    private static final PersonalData ILL = new PersonalData("c-1", "sealed: ill");
    private static final PersonalData MOVED = new PersonalData("c-1", "sealed: event moved");

    private AggregateTestFixture<Booking> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Booking.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aBookingIsPlacedWithItsTicketsAndReference() {
        List<BookedTicket> tickets = List.of(new BookedTicket("t-1", new PersonalData("c-1", "sealed"), true));
        fixture.givenNoPriorActivity()
                .when(new PlaceBooking("b-1", "ABCD-EFGH", "ev-1", "adult", "c-1", tickets, List.of()))
                .expectEvents(new TicketsBooked("b-1", "ABCD-EFGH", "ev-1", "adult", "c-1", tickets, List.of(), NOW));
    }

    private static TicketsBooked booked() {
        return new TicketsBooked(
                "b-1",
                "ABCD-EFGH",
                "ev-1",
                "adult",
                "c-1",
                List.of(
                        new BookedTicket("t-1", new PersonalData("c-1", "sealed"), false),
                        new BookedTicket("t-2", new PersonalData("c-1", "sealed"), true)),
                List.of(),
                NOW);
    }

    @Test
    void itsCustomerCancelsABookingAndItsTwoSeatsAreToBeReleased() {
        fixture.given(booked())
                .when(new CancelBooking("b-1", "c-1", false, ILL))
                .expectEvents(new BookingCancelled("b-1", "ev-1", "adult", 2, "customer", null, NOW, ILL))
                .expectResultMessagePayload(List.of(ReleaseSeats.forCancellation("ev-1", "adult", "b-1", 2, false)));
    }

    @Test
    void anotherCustomerCannotCancelItNorLearnThatItExists() {
        fixture.given(booked())
                .when(new CancelBooking("b-1", "c-2", false, null))
                .expectNoEvents()
                .expectException(CommandRefused.class)
                .expectExceptionMessage("no such booking");
    }

    @Test
    void anAdminCancelsAnyBooking() {
        fixture.given(booked())
                .when(new CancelBooking("b-1", "admin-1", true, MOVED))
                .expectEvents(new BookingCancelled("b-1", "ev-1", "adult", 2, "admin", null, NOW, MOVED));
    }

    @Test
    void aCancelledBookingCannotBeCancelledAgain() {
        fixture.given(booked(), new BookingCancelled("b-1", "ev-1", "adult", 2, "customer", null, NOW))
                .when(new CancelBooking("b-1", "c-1", false, null))
                .expectNoEvents()
                .expectException(CommandRefused.class)
                .expectExceptionMessage("the booking is already cancelled");
    }

    @Test
    void oneTicketIsCancelledAndOnlyItsSeatIsToBeReleased() {
        fixture.given(booked())
                .when(new CancelTicket("b-1", "t-2", "c-1", false, null))
                .expectEvents(new TicketCancelled("b-1", "t-2", "ev-1", "adult", "customer", null, NOW))
                .expectResultMessagePayload(ReleaseSeats.forCancellation("ev-1", "adult", "b-1", 1, false));
    }

    @Test
    void aTicketCancelledBeforeCannotBeCancelledAgain() {
        fixture.given(booked(), new TicketCancelled("b-1", "t-2", "ev-1", "adult", "customer", null, NOW))
                .when(new CancelTicket("b-1", "t-2", "c-1", false, null))
                .expectNoEvents()
                .expectException(CommandRefused.class)
                .expectExceptionMessage("the booking has no such active ticket");
    }

    @Test
    void cancellingTheRestOfABookingReleasesOnlyTheSeatsStillHeld() {
        fixture.given(booked(), new TicketCancelled("b-1", "t-2", "ev-1", "adult", "customer", null, NOW))
                .when(new CancelBooking("b-1", "c-1", false, null))
                .expectEvents(new BookingCancelled("b-1", "ev-1", "adult", 1, "customer", null, NOW))
                .expectResultMessagePayload(List.of(ReleaseSeats.forCancellation("ev-1", "adult", "b-1", 1, false)));
    }

    @Test
    void aCancelledEventCancelsItsBookingsByTheOrganiserAndLeavesCancelledOnesAlone() {
        fixture.given(booked())
                .when(new CancelBookingOfCancelledEvent("b-1", "ev-1", "storm"))
                .expectEvents(new BookingCancelled("b-1", "ev-1", "adult", 2, "organiser", "storm", NOW));
        fixture.given(booked(), new BookingCancelled("b-1", "ev-1", "adult", 2, "customer", null, NOW))
                .when(new CancelBookingOfCancelledEvent("b-1", "ev-1", "storm"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void attendanceIsRecordedPerActiveTicket() {
        fixture.given(booked())
                .when(new RecordAttendance("b-1", "t-1", Attendance.ATTENDED))
                .expectEvents(new AttendanceRecorded("b-1", "t-1", Attendance.ATTENDED, NOW));
        fixture.given(booked(), new TicketCancelled("b-1", "t-2", "ev-1", "adult", "customer", null, NOW))
                .when(new RecordAttendance("b-1", "t-2", Attendance.NO_SHOW))
                .expectNoEvents()
                .expectException(CommandRefused.class);
    }

    @Test
    void aBookingWithoutTicketsIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new PlaceBooking("b-1", "ABCD-EFGH", "ev-1", "adult", "c-1", List.of(), List.of()))
                .expectNoEvents()
                .expectException(CommandRefused.class);
    }

    @Test
    void aBookingOfMoreThanTheMaximumTicketsIsRefused() {
        List<BookedTicket> tickets = Collections.nCopies(
                Booking.MAX_TICKETS + 1, new BookedTicket("t", new PersonalData("c-1", "sealed"), false));
        fixture.givenNoPriorActivity()
                .when(new PlaceBooking("b-1", "ABCD-EFGH", "ev-1", "adult", "c-1", tickets, List.of()))
                .expectNoEvents()
                .expectException(CommandRefused.class);
    }

    private static TicketsTransferred moved(String ticketId, String to) {
        return new TicketsTransferred("b-1", List.of(ticketId), "ev-1", "adult", to, "adult", "customer", NOW);
    }

    @Test
    void aWholeBookingIsTransferredAndItsSeatsAreToMove() {
        fixture.given(booked())
                .when(new TransferTickets("b-1", null, "ev-2", "adult", "c-1", false))
                .expectEvents(new TicketsTransferred(
                        "b-1", List.of("t-1", "t-2"), "ev-1", "adult", "ev-2", "adult", "customer", NOW))
                .expectResultMessagePayload(new Booking.SeatMove(
                        new ReleaseSeats("ev-1", "adult", "b-1", 2, false, ReleaseSeats.Purpose.TRANSFER),
                        "ev-2",
                        "adult",
                        2));
    }

    @Test
    void oneTicketIsTransferredAndTheRestStays() {
        fixture.given(booked())
                .when(new TransferTickets("b-1", "t-2", "ev-2", "adult", "c-1", false))
                .expectEvents(moved("t-2", "ev-2"));
    }

    @Test
    void aTransferToWhereTheTicketsAreAlreadyOrOfAnotherCustomersBookingIsRefused() {
        fixture.given(booked())
                .when(new TransferTickets("b-1", null, "ev-1", "adult", "c-1", false))
                .expectNoEvents()
                .expectException(CommandRefused.class)
                .expectExceptionMessage("the tickets are already for this event and ticket type");
        fixture.given(booked())
                .when(new TransferTickets("b-1", null, "ev-2", "adult", "c-2", false))
                .expectNoEvents()
                .expectExceptionMessage("no such booking");
    }

    @Test
    void aBookingWhoseTicketsWereMovedApartIsCancelledTicketByTicketAtEachEvent() {
        fixture.given(booked(), moved("t-2", "ev-2"))
                .when(new CancelBooking("b-1", "c-1", false, ILL))
                .expectEvents(
                        new TicketCancelled("b-1", "t-1", "ev-1", "adult", "customer", null, NOW, ILL),
                        new TicketCancelled("b-1", "t-2", "ev-2", "adult", "customer", null, NOW, ILL))
                .expectResultMessagePayload(List.of(
                        ReleaseSeats.forCancellation("ev-1", "adult", "b-1", 1, false),
                        ReleaseSeats.forCancellation("ev-2", "adult", "b-1", 1, false)));
    }

    @Test
    void aMovedTicketIsCancelledAtTheEventItWasMovedTo() {
        fixture.given(booked(), moved("t-2", "ev-2"))
                .when(new CancelTicket("b-1", "t-2", "c-1", false, null))
                .expectEvents(new TicketCancelled("b-1", "t-2", "ev-2", "adult", "customer", null, NOW))
                .expectResultMessagePayload(ReleaseSeats.forCancellation("ev-2", "adult", "b-1", 1, false));
    }

    @Test
    void aCancelledEventCancelsOnlyTheTicketsStillHeldForIt() {
        fixture.given(booked(), moved("t-2", "ev-2"))
                .when(new CancelBookingOfCancelledEvent("b-1", "ev-2", "storm"))
                .expectEvents(new TicketCancelled("b-1", "t-2", "ev-2", "adult", "organiser", "storm", NOW));
        fixture.given(
                        booked(),
                        new TicketsTransferred(
                                "b-1", List.of("t-1", "t-2"), "ev-1", "adult", "ev-2", "adult", "customer", NOW))
                .when(new CancelBookingOfCancelledEvent("b-1", "ev-1", "storm"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void whenTheEventEndsUnderAttendanceTrackingOnlyUnmarkedTicketsThereBecomeAttended() {
        fixture.given(booked(), new AttendanceRecorded("b-1", "t-1", Attendance.NO_SHOW, NOW))
                .when(new AttendByDefault("b-1", "ev-1"))
                .expectEvents(new AttendanceRecorded("b-1", "t-2", Attendance.ATTENDED, NOW));
        fixture.given(booked(), moved("t-2", "ev-2"))
                .when(new AttendByDefault("b-1", "ev-2"))
                .expectEvents(new AttendanceRecorded("b-1", "t-2", Attendance.ATTENDED, NOW));
        fixture.given(booked(), new BookingCancelled("b-1", "ev-1", "adult", 2, "customer", null, NOW))
                .when(new AttendByDefault("b-1", "ev-1"))
                .expectNoEvents();
    }

    @Test
    void aMarkUndoneIsUnmarkedAndAMarkStaysWithATicketMovedWithinItsEvent() {
        fixture.given(
                        booked(),
                        new AttendanceRecorded("b-1", "t-1", Attendance.NO_SHOW, NOW),
                        new AttendanceRecorded("b-1", "t-1", Attendance.BOOKED, NOW),
                        new AttendanceRecorded("b-1", "t-2", Attendance.NO_SHOW, NOW),
                        new TicketsTransferred("b-1", List.of("t-2"), "ev-1", "adult", "ev-1", "vip", "admin", NOW))
                .when(new AttendByDefault("b-1", "ev-1"))
                .expectEvents(new AttendanceRecorded("b-1", "t-1", Attendance.ATTENDED, NOW));
    }
}
