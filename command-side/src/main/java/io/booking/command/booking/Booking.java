package io.booking.command.booking;

import io.booking.command.CommandRefused;
import io.booking.command.occurrence.ReleaseSeats;
import io.booking.shared.booking.Attendance;
import io.booking.shared.booking.AttendanceRecorded;
import io.booking.shared.booking.BookedTicket;
import io.booking.shared.booking.BookingCancelled;
import io.booking.shared.booking.BookingEvent;
import io.booking.shared.booking.BookingLinkedToAccount;
import io.booking.shared.booking.BookingState;
import io.booking.shared.booking.FormAnswer;
import io.booking.shared.booking.GuestContactRecorded;
import io.booking.shared.booking.GuestDataErased;
import io.booking.shared.booking.TicketCancelled;
import io.booking.shared.booking.TicketsBooked;
import io.booking.shared.booking.TicketsTransferred;
import io.booking.shared.personal.PersonalDataCipher;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One booking (order line): its tickets, their status and its reference. */
@Aggregate
public class Booking {

    public static final int MAX_TICKETS = 20;

    @AggregateIdentifier
    private String bookingId;

    private final BookingState state = new BookingState();

    protected Booking() {
        // for Axon
    }

    @CommandHandler
    public Booking(PlaceBooking command, Clock clock) {
        if (command.tickets().isEmpty() || command.tickets().size() > MAX_TICKETS) {
            throw CommandRefused.notApplicable("ticket-count", "a booking holds 1 to " + MAX_TICKETS + " tickets");
        }
        apply(new TicketsBooked(
                command.bookingId(),
                command.reference(),
                command.occurrenceId(),
                command.ticketTypeId(),
                command.customerId(),
                command.tickets(),
                command.answers(),
                clock.instant()));
        // a guest's booking: the guest is its customer (by the guest's subject id) until it is linked to an account
        if (command.guest() != null) {
            apply(new GuestContactRecorded(
                    command.bookingId(),
                    command.customerId(),
                    command.guest().name(),
                    command.guest().email(),
                    command.guest().phone(),
                    clock.instant()));
        }
    }

    /**
     * Moves a guest booking under an account. Attendee names and answers are opened with the guest's key and sealed
     * again with the account's, so they stay the account holder's whatever happens to the guest's key.
     */
    @CommandHandler
    public void handle(LinkBookingToAccount command, Clock clock, PersonalDataCipher cipher) {
        requireGuestBooking();
        if (state.guestErased()) {
            throw CommandRefused.notAllowed("guest-data-erased", "the guest's data of this booking was erased");
        }
        String accountId = command.accountId();
        List<BookedTicket> resealed = state.tickets().stream()
                .map(t -> new BookedTicket(
                        t.ticketId(), cipher.seal(accountId, cipher.open(t.attendeeName())), t.child()))
                .toList();
        List<FormAnswer> resealedAnswers = state.answers().stream()
                .map(a -> new FormAnswer(a.question(), cipher.seal(accountId, cipher.open(a.answer()))))
                .toList();
        apply(new BookingLinkedToAccount(
                bookingId,
                state.guestId(),
                accountId,
                resealed,
                resealedAnswers,
                command.keepGuestContact(),
                clock.instant()));
    }

    /** Records that the guest's key is destroyed (the caller does it in the same transaction); the booking stays. */
    @CommandHandler
    public String handle(EraseGuestData command, Clock clock) {
        if (state.guestId() == null) {
            throw CommandRefused.notAllowed("not-a-guest-booking", "the booking was not made by a guest");
        }
        if (state.guestErased()) {
            throw CommandRefused.notAllowed("guest-data-erased", "the guest's data of this booking was already erased");
        }
        String guestId = state.guestId();
        apply(new GuestDataErased(bookingId, guestId, clock.instant()));
        return guestId;
    }

    private void requireGuestBooking() {
        if (state.guestId() == null) {
            throw CommandRefused.notAllowed("not-a-guest-booking", "the booking was not made by a guest");
        }
        if (state.linked()) {
            throw CommandRefused.notAllowed("already-linked", "the booking is already linked to an account");
        }
    }

    /**
     * @return the seats to release, one command per event and ticket type the active tickets are placed on, in the
     * same unit of work
     */
    @CommandHandler
    public List<ReleaseSeats> handle(CancelBooking command, Clock clock) {
        mayBeChangedBy(command.requesterId(), command.byAdmin());
        String by = command.byAdmin() ? "admin" : "customer";
        Map<Placement, List<String>> byPlacement = activeByPlacement();
        if (byPlacement.size() == 1) {
            Placement at = byPlacement.keySet().iterator().next();
            apply(new BookingCancelled(
                    bookingId,
                    at.occurrenceId(),
                    at.ticketTypeId(),
                    state.activeTickets().size(),
                    by,
                    null,
                    clock.instant(),
                    command.reason()));
        } else {
            // a booking whose tickets were moved apart is cancelled ticket by ticket, each at its own event
            byPlacement.forEach((at, tickets) -> tickets.forEach(ticketId -> apply(new TicketCancelled(
                    bookingId,
                    ticketId,
                    at.occurrenceId(),
                    at.ticketTypeId(),
                    by,
                    null,
                    clock.instant(),
                    command.reason()))));
        }
        return byPlacement.entrySet().stream()
                .map(e -> ReleaseSeats.forCancellation(
                        e.getKey().occurrenceId(),
                        e.getKey().ticketTypeId(),
                        bookingId,
                        e.getValue().size(),
                        command.byAdmin()))
                .toList();
    }

    /** @return the seat to release on the event, in the same unit of work */
    @CommandHandler
    public ReleaseSeats handle(CancelTicket command, Clock clock) {
        mayBeChangedBy(command.requesterId(), command.byAdmin());
        Placement at = Placement.of(activeTicket(command.ticketId()));
        apply(new TicketCancelled(
                bookingId,
                command.ticketId(),
                at.occurrenceId(),
                at.ticketTypeId(),
                command.byAdmin() ? "admin" : "customer",
                null,
                clock.instant(),
                command.reason()));
        return ReleaseSeats.forCancellation(at.occurrenceId(), at.ticketTypeId(), bookingId, 1, command.byAdmin());
    }

    /**
     * Moves the tickets on the booking. The seats are the events' business: the caller frees them on the source and
     * takes them on the target in the same unit of work, whose failure undoes this too.
     */
    @CommandHandler
    public SeatMove handle(TransferTickets command, Clock clock) {
        mayBeChangedBy(command.requesterId(), command.byAdmin());
        List<String> moving;
        if (command.ticketId() != null) {
            moving = List.of(activeTicket(command.ticketId()).ticketId());
        } else if (activeByPlacement().size() > 1) {
            throw CommandRefused.notAllowed(
                    "tickets-apart", "the booking's tickets are at different events; " + "transfer them one by one");
        } else {
            moving = state.activeTickets().stream()
                    .map(BookingState.Ticket::ticketId)
                    .toList();
        }
        Placement from = Placement.of(state.ticket(moving.get(0)));
        Placement to = new Placement(command.toOccurrenceId(), command.toTicketTypeId());
        if (from.equals(to)) {
            throw CommandRefused.notAllowed(
                    "same-ticket-type", "the tickets are already for this event and ticket type");
        }
        apply(new TicketsTransferred(
                bookingId,
                moving.stream().sorted().toList(),
                from.occurrenceId(),
                from.ticketTypeId(),
                to.occurrenceId(),
                to.ticketTypeId(),
                command.byAdmin() ? "admin" : "customer",
                clock.instant()));
        return new SeatMove(
                new ReleaseSeats(
                        from.occurrenceId(),
                        from.ticketTypeId(),
                        bookingId,
                        moving.size(),
                        command.byAdmin(),
                        ReleaseSeats.Purpose.TRANSFER),
                to.occurrenceId(),
                to.ticketTypeId(),
                moving.size());
    }

    @CommandHandler
    public void handle(CancelBookingOfCancelledEvent command, Clock clock) {
        List<BookingState.Ticket> there = state.activeTickets().stream()
                .filter(t -> t.eventId().equals(command.occurrenceId()))
                .sorted(Comparator.comparing(BookingState.Ticket::ticketId))
                .toList();
        if (there.isEmpty()) {
            return;
        }
        Map<Placement, List<String>> byPlacement = activeByPlacement();
        if (byPlacement.size() == 1) {
            apply(new BookingCancelled(
                    bookingId,
                    command.occurrenceId(),
                    byPlacement.keySet().iterator().next().ticketTypeId(),
                    there.size(),
                    "organiser",
                    command.reason(),
                    clock.instant()));
        } else {
            there.forEach(ticket -> apply(new TicketCancelled(
                    bookingId,
                    ticket.ticketId(),
                    command.occurrenceId(),
                    ticket.ticketTypeId(),
                    "organiser",
                    command.reason(),
                    clock.instant())));
        }
    }

    @CommandHandler
    public void handle(RecordAttendance command, Clock clock) {
        activeTicket(command.ticketId());
        apply(new AttendanceRecorded(bookingId, command.ticketId(), command.attendance(), clock.instant()));
    }

    @CommandHandler
    public void handle(AttendByDefault command, Clock clock) {
        state.activeTickets().stream()
                .filter(t -> t.eventId().equals(command.occurrenceId()) && t.attendance() == Attendance.BOOKED)
                .map(BookingState.Ticket::ticketId)
                .sorted()
                .forEach(ticketId ->
                        apply(new AttendanceRecorded(bookingId, ticketId, Attendance.ATTENDED, clock.instant())));
    }

    /** The active tickets and the event each is placed at now (read when the customer's account is deleted). */
    Map<String, String> activeTicketEvents() {
        Map<String, String> events = new TreeMap<>();
        state.activeTickets().forEach(t -> events.put(t.ticketId(), t.eventId()));
        return events;
    }

    private BookingState.Ticket activeTicket(String ticketId) {
        BookingState.Ticket ticket = state.ticket(ticketId);
        if (ticket == null || !ticket.holdsSeat()) {
            throw CommandRefused.unknown("no-such-ticket", "the booking has no such active ticket");
        }
        return ticket;
    }

    private Map<Placement, List<String>> activeByPlacement() {
        Map<Placement, List<String>> byPlacement = new TreeMap<>();
        state.activeTickets()
                .forEach(t -> byPlacement
                        .computeIfAbsent(Placement.of(t), p -> new ArrayList<>())
                        .add(t.ticketId()));
        byPlacement.values().forEach(Collections::sort);
        return byPlacement;
    }

    private void mayBeChangedBy(String requesterId, boolean byAdmin) {
        if (!byAdmin && !state.customerId().equals(requesterId)) {
            // another customer's booking is as good as unknown to them
            throw CommandRefused.unknown("not-found", "no such booking");
        }
        if (state.activeTickets().isEmpty()) {
            throw CommandRefused.notAllowed("already-cancelled", "the booking is already cancelled");
        }
    }

    @EventSourcingHandler
    void on(BookingEvent event) {
        bookingId = event.bookingId();
        state.apply(event);
    }

    record Placement(String occurrenceId, String ticketTypeId) implements Comparable<Placement> {

        static Placement of(BookingState.Ticket ticket) {
            return new Placement(ticket.eventId(), ticket.ticketTypeId());
        }

        @Override
        public int compareTo(Placement other) {
            int byEvent = occurrenceId.compareTo(other.occurrenceId);
            return byEvent != 0 ? byEvent : ticketTypeId.compareTo(other.ticketTypeId);
        }
    }

    /** Seats to free on the source (first) and take on the target, for a transfer. */
    public record SeatMove(ReleaseSeats release, String toOccurrenceId, String toTicketTypeId, int quantity) {}
}
