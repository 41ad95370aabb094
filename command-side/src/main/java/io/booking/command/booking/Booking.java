package io.booking.command.booking;

import io.booking.command.CommandRefused;
import io.booking.command.occurrence.ReleaseSeats;
import io.booking.shared.booking.AttendanceRecorded;
import io.booking.shared.booking.BookingCancelled;
import io.booking.shared.booking.TicketCancelled;
import io.booking.shared.booking.TicketsBooked;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One booking (order line): its tickets, their status and its reference. */
@Aggregate
public class Booking {

    static final int MAX_TICKETS = 20;

    @AggregateIdentifier
    private String bookingId;
    private String customerId;
    private String occurrenceId;
    private String ticketTypeId;
    private Set<String> activeTickets;

    protected Booking() {
        // for Axon
    }

    @CommandHandler
    public Booking(PlaceBooking command, Clock clock) {
        if (command.tickets().isEmpty() || command.tickets().size() > MAX_TICKETS) {
            throw CommandRefused.unprocessable("ticket-count", "a booking holds 1 to " + MAX_TICKETS + " tickets");
        }
        apply(new TicketsBooked(command.bookingId(), command.reference(), command.occurrenceId(), command.ticketTypeId(),
                command.customerId(), command.tickets(), command.answers(), clock.instant()));
    }

    /** @return the seats to release on the event, in the same unit of work */
    @CommandHandler
    public ReleaseSeats handle(CancelBooking command, Clock clock) {
        mayBeCancelledBy(command.requesterId(), command.byAdmin());
        int seats = activeTickets.size();
        apply(new BookingCancelled(bookingId, occurrenceId, ticketTypeId, seats,
                command.byAdmin() ? "admin" : "customer", command.reason(), clock.instant()));
        return new ReleaseSeats(occurrenceId, ticketTypeId, bookingId, seats, command.byAdmin());
    }

    /** @return the seat to release on the event, in the same unit of work */
    @CommandHandler
    public ReleaseSeats handle(CancelTicket command, Clock clock) {
        mayBeCancelledBy(command.requesterId(), command.byAdmin());
        if (!activeTickets.contains(command.ticketId())) {
            throw CommandRefused.notFound("no-such-ticket", "the booking has no such active ticket");
        }
        apply(new TicketCancelled(bookingId, command.ticketId(), occurrenceId, ticketTypeId,
                command.byAdmin() ? "admin" : "customer", command.reason(), clock.instant()));
        return new ReleaseSeats(occurrenceId, ticketTypeId, bookingId, 1, command.byAdmin());
    }

    @CommandHandler
    public void handle(CancelBookingOfCancelledEvent command, Clock clock) {
        if (!activeTickets.isEmpty()) {
            apply(new BookingCancelled(bookingId, occurrenceId, ticketTypeId, activeTickets.size(), "organiser",
                    command.reason(), clock.instant()));
        }
    }

    @CommandHandler
    public void handle(RecordAttendance command, Clock clock) {
        if (!activeTickets.contains(command.ticketId())) {
            throw CommandRefused.notFound("no-such-ticket", "the booking has no such active ticket");
        }
        apply(new AttendanceRecorded(bookingId, command.ticketId(), command.attendance(), clock.instant()));
    }

    private void mayBeCancelledBy(String requesterId, boolean byAdmin) {
        if (!byAdmin && !customerId.equals(requesterId)) {
            // another customer's booking is as good as unknown to them
            throw CommandRefused.notFound("not-found", "no such booking");
        }
        if (activeTickets.isEmpty()) {
            throw CommandRefused.conflict("already-cancelled", "the booking is already cancelled");
        }
    }

    @EventSourcingHandler
    void on(TicketsBooked event) {
        bookingId = event.bookingId();
        customerId = event.customerId();
        occurrenceId = event.occurrenceId();
        ticketTypeId = event.ticketTypeId();
        activeTickets = new HashSet<>();
        event.tickets().forEach(ticket -> activeTickets.add(ticket.ticketId()));
    }

    @EventSourcingHandler
    void on(BookingCancelled event) {
        activeTickets.clear();
    }

    @EventSourcingHandler
    void on(TicketCancelled event) {
        activeTickets.remove(event.ticketId());
    }
}
