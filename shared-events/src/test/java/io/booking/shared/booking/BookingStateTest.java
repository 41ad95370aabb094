package io.booking.shared.booking;

import io.booking.shared.personal.PersonalData;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class BookingStateTest {

    private static final Instant AT = Instant.parse("2026-12-06T10:00:00Z");
    private static final PersonalData ANNA = new PersonalData("customer", "anna");
    private static final PersonalData BEN = new PersonalData("customer", "ben");

    private static BookingState booked() {
        return new BookingState()
                .apply(new TicketsBooked(
                        "b1",
                        "REF",
                        "event-1",
                        "adult",
                        "customer",
                        List.of(new BookedTicket("t1", ANNA, false), new BookedTicket("t2", BEN, true)),
                        List.of(new FormAnswer("diet?", ANNA)),
                        AT));
    }

    @Test
    void aBookingIsBookedThenPartlyThenWhollyCancelledTicketByTicket() {
        BookingState state = booked();
        assertThat(state.status()).isEqualTo(BookingStatus.BOOKED);

        state.apply(new TicketCancelled("b1", "t1", "event-1", "adult", "customer", null, AT));
        assertThat(state.status()).isEqualTo(BookingStatus.PARTLY_CANCELLED);
        assertThat(state.activeTickets())
                .extracting(BookingState.Ticket::ticketId)
                .containsExactly("t2");

        state.apply(new TicketCancelled("b1", "t2", "event-1", "adult", "customer", null, AT));
        assertThat(state.status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(state.tickets()).extracting(BookingState.Ticket::status).containsOnly(TicketStatus.CANCELLED);
    }

    @Test
    void aMovedTicketIsUnmarkedAtItsNewEventAndKeepsItsAttendanceWithinItsEvent() {
        BookingState state = booked().apply(new AttendanceRecorded("b1", "t1", Attendance.NO_SHOW, AT))
                .apply(new AttendanceRecorded("b1", "t2", Attendance.ATTENDED, AT))
                .apply(new TicketsTransferred("b1", List.of("t1"), "event-1", "adult", "event-1", "vip", "admin", AT))
                .apply(new TicketsTransferred(
                        "b1", List.of("t2"), "event-1", "adult", "event-2", "adult", "customer", AT));

        assertThat(state.ticket("t1"))
                .extracting(
                        BookingState.Ticket::eventId,
                        BookingState.Ticket::ticketTypeId,
                        BookingState.Ticket::attendance)
                .containsExactly("event-1", "vip", Attendance.NO_SHOW);
        assertThat(state.ticket("t2"))
                .extracting(BookingState.Ticket::eventId, BookingState.Ticket::attendance)
                .containsExactly("event-2", Attendance.BOOKED);
    }

    @Test
    void aLinkedGuestBookingIsTheAccountsWithItsTicketsSealedAgain() {
        PersonalData resealed = new PersonalData("account", "anna");
        BookingState state = new BookingState()
                .apply(new TicketsBooked(
                        "b1",
                        "REF",
                        "event-1",
                        "adult",
                        "guest",
                        List.of(new BookedTicket("t1", ANNA, false)),
                        null,
                        AT))
                .apply(new GuestContactRecorded("b1", "guest", ANNA, ANNA, null, AT));
        assertThat(state.customerId()).isEqualTo("guest");
        assertThat(state.guestId()).isEqualTo("guest");
        assertThat(state.answers()).isEmpty();

        state.apply(new BookingLinkedToAccount(
                "b1", "guest", "account", List.of(new BookedTicket("t1", resealed, false)), List.of(), false, AT));

        assertThat(state.customerId()).isEqualTo("account");
        assertThat(state.linked()).isTrue();
        assertThat(state.guestErased()).isTrue();
        assertThat(state.ticket("t1").attendeeName()).isEqualTo(resealed);
    }

    @Test
    void aWholeCancellationCancelsEveryTicket() {
        BookingState state = booked().apply(new BookingCancelled("b1", "event-1", "adult", 2, "organiser", "rain", AT));
        assertThat(state.status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(state.activeTickets()).isEmpty();
    }

    @Test
    void everyKindOfBookingEventIsFolded() {
        List<BookingEvent> oneOfEach = List.of(
                new GuestContactRecorded("b1", "guest", ANNA, ANNA, null, AT),
                new AttendanceRecorded("b1", "t1", Attendance.ATTENDED, AT),
                new TicketsTransferred("b1", List.of("t1"), "event-1", "adult", "event-2", "adult", "admin", AT),
                new BookingLinkedToAccount("b1", "guest", "account", List.of(), List.of(), true, AT),
                new GuestDataErased("b1", "guest", AT),
                new TicketCancelled("b1", "t1", "event-2", "adult", "admin", null, AT),
                new BookingCancelled("b1", "event-1", "adult", 1, "admin", null, AT));
        BookingState state = booked();
        for (BookingEvent event : oneOfEach) {
            assertThatCode(() -> state.apply(event)).doesNotThrowAnyException();
        }
        // a new kind of booking event fails here until the fold handles it
        assertThat(oneOfEach.stream().map(Object::getClass).distinct().count() + 1)
                .isEqualTo(BookingEvent.class.getPermittedSubclasses().length);
    }
}
