package io.booking.shared.booking;

import io.booking.shared.personal.PersonalData;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A booking as its events leave it: the one fold of a booking's stream, used by the aggregate that decides on the
 * booking and by the audit trail that replays it. The read model applies the same {@link Ticket} rules to its rows.
 */
public final class BookingState {

    private String customerId;
    private String guestId;
    private boolean linked;
    private boolean guestErased;
    private final Map<String, Ticket> tickets = new LinkedHashMap<>();
    private List<FormAnswer> answers = List.of();

    /** Folds one more event of the booking's stream in. */
    public BookingState apply(BookingEvent event) {
        if (event instanceof TicketsBooked booked) {
            customerId = booked.customerId();
            booked.tickets().forEach(t -> tickets.put(t.ticketId(), Ticket.booked(t, booked)));
            answers = booked.answers() == null ? List.of() : List.copyOf(booked.answers());
        } else if (event instanceof GuestContactRecorded recorded) {
            guestId = recorded.guestId();
        } else if (event instanceof BookingLinkedToAccount link) {
            linked = true;
            customerId = link.accountId();
            link.tickets().forEach(t -> change(t.ticketId(), ticket -> ticket.named(t.attendeeName())));
            answers = List.copyOf(link.answers());
            guestErased = !link.guestContactKept();
        } else if (event instanceof GuestDataErased) {
            guestErased = true;
        } else if (event instanceof BookingCancelled) {
            tickets.replaceAll((id, ticket) -> ticket.cancelled());
        } else if (event instanceof TicketCancelled cancelled) {
            change(cancelled.ticketId(), Ticket::cancelled);
        } else if (event instanceof TicketsTransferred moved) {
            moved.ticketIds()
                    .forEach(
                            id -> change(id, ticket -> ticket.movedTo(moved.toOccurrenceId(), moved.toTicketTypeId())));
        } else if (event instanceof AttendanceRecorded recorded) {
            change(recorded.ticketId(), ticket -> ticket.attended(recorded.attendance()));
        } else {
            throw new IllegalArgumentException("a booking event this fold does not know: " + event.getClass());
        }
        return this;
    }

    private void change(String ticketId, UnaryOperator<Ticket> change) {
        Ticket ticket = tickets.get(ticketId);
        if (ticket == null) {
            throw new IllegalStateException("an event of the booking names a ticket it never booked");
        }
        tickets.put(ticketId, change.apply(ticket));
    }

    /** @return the customer: the account, or the guest's subject id until a guest booking is linked to an account */
    public String customerId() {
        return customerId;
    }

    /** @return the guest's subject id of a guest booking (kept after a link), else null */
    public String guestId() {
        return guestId;
    }

    public boolean linked() {
        return linked;
    }

    /** @return whether the guest's key of a guest booking is gone */
    public boolean guestErased() {
        return guestErased;
    }

    /** @return every ticket, cancelled ones included, in the order they were booked */
    public Collection<Ticket> tickets() {
        return Collections.unmodifiableCollection(tickets.values());
    }

    /** @return the tickets that hold a seat */
    public List<Ticket> activeTickets() {
        return tickets.values().stream().filter(Ticket::holdsSeat).toList();
    }

    public Ticket ticket(String ticketId) {
        return tickets.get(ticketId);
    }

    public List<FormAnswer> answers() {
        return answers;
    }

    /** @return null before the booking's first event */
    public BookingStatus status() {
        if (tickets.isEmpty()) {
            return null;
        }
        return BookingStatus.of(
                tickets.values().stream().filter(t -> !t.holdsSeat()).count(), tickets.size());
    }

    /**
     * One ticket: where it is placed now, whether it holds its seat and whether its attendee came.
     *
     * @param attendeeName as sealed when booked (or linked)
     */
    public record Ticket(
            String ticketId,
            PersonalData attendeeName,
            boolean child,
            String eventId,
            String ticketTypeId,
            TicketStatus status,
            Attendance attendance) {

        static Ticket booked(BookedTicket ticket, TicketsBooked booked) {
            return new Ticket(
                    ticket.ticketId(),
                    ticket.attendeeName(),
                    ticket.child(),
                    booked.occurrenceId(),
                    booked.ticketTypeId(),
                    TicketStatus.BOOKED,
                    Attendance.BOOKED);
        }

        public boolean holdsSeat() {
            return status.holdsSeat();
        }

        public Ticket cancelled() {
            return new Ticket(ticketId, attendeeName, child, eventId, ticketTypeId, TicketStatus.CANCELLED, attendance);
        }

        /** Attendance is per event: a ticket moved to another event is unmarked there. */
        public Ticket movedTo(String toEventId, String toTicketTypeId) {
            return new Ticket(
                    ticketId,
                    attendeeName,
                    child,
                    toEventId,
                    toTicketTypeId,
                    status,
                    Attendance.afterMove(attendance, eventId, toEventId));
        }

        public Ticket attended(Attendance recorded) {
            return new Ticket(ticketId, attendeeName, child, eventId, ticketTypeId, status, recorded);
        }

        public Ticket named(PersonalData name) {
            return new Ticket(ticketId, name, child, eventId, ticketTypeId, status, attendance);
        }

        public BookedTicket asBooked() {
            return new BookedTicket(ticketId, attendeeName, child);
        }
    }
}
