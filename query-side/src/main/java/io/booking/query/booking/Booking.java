package io.booking.query.booking;

import io.booking.query.report.BookingFigures;
import io.booking.shared.booking.Attendance;
import io.booking.shared.booking.BookingStatus;
import io.booking.shared.booking.TicketStatus;
import io.booking.shared.booking.TicketsTransferred;
import io.booking.shared.personal.PersonalDataCipher;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.BatchSize;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A booking with its attendees' names and form answers, opened (or {@code [erased]}) when projected. */
@Entity
@Table(name = "booking")
class Booking {

    @Id
    private String bookingId;

    private String reference;
    private String customerId;
    private String eventId;
    private String ticketTypeId;

    // BOOKED, or CANCELLED once no ticket of it holds a seat
    @Enumerated(EnumType.STRING)
    private BookingStatus status;

    private Instant bookedAt;
    private Instant cancelledAt;
    private String cancelledBy;
    private String cancellationReason;
    private boolean customerDeleted;
    private String guestId;
    private boolean hasCancelledTickets;

    @ElementCollection
    @CollectionTable(name = "booking_ticket", joinColumns = @JoinColumn(name = "booking_id"))
    @OrderColumn(name = "position")
    @BatchSize(size = 100)
    private List<Ticket> tickets = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "booking_answer", joinColumns = @JoinColumn(name = "booking_id"))
    @OrderColumn(name = "position")
    @BatchSize(size = 100)
    private List<Answer> answers = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "booking_transfer", joinColumns = @JoinColumn(name = "booking_id"))
    @OrderColumn(name = "position")
    @BatchSize(size = 100)
    private List<Transfer> transfers = new ArrayList<>();

    // written by the projection's statements when booked (see BookingProjection); changed through the entity after
    protected Booking() {}

    /** One ticket cancelled; the booking is cancelled with its last active ticket. */
    void ticketCancelled(String ticketId, Instant at, String by, String reason) {
        tickets.replaceAll(ticket ->
                ticket.ticketId.equals(ticketId) ? ticket.with(TicketStatus.CANCELLED, ticket.attendance) : ticket);
        hasCancelledTickets = tickets.stream().anyMatch(ticket -> !ticket.status.holdsSeat());
        if (tickets.stream().noneMatch(ticket -> ticket.status.holdsSeat())) {
            cancelled(at, by, reason);
        }
    }

    /**
     * Tickets moved; the booking follows them to their new event when all its active tickets are there. A redelivered
     * event finds its transfer already recorded and changes nothing.
     */
    void transferred(TicketsTransferred event) {
        Transfer transfer = new Transfer(event);
        if (transfers.contains(transfer)) {
            return;
        }
        transfers.add(transfer);
        tickets.replaceAll(ticket -> event.ticketIds().contains(ticket.ticketId)
                ? ticket.at(event.toOccurrenceId(), event.toTicketTypeId())
                : ticket);
        List<Ticket> active =
                tickets.stream().filter(ticket -> ticket.status.holdsSeat()).toList();
        if (active.stream()
                .allMatch(ticket -> ticket.eventId.equals(event.toOccurrenceId())
                        && ticket.ticketTypeId.equals(event.toTicketTypeId()))) {
            eventId = event.toOccurrenceId();
            ticketTypeId = event.toTicketTypeId();
        }
    }

    void attendance(String ticketId, Attendance attendance) {
        tickets.replaceAll(
                ticket -> ticket.ticketId.equals(ticketId) ? ticket.with(ticket.status, attendance) : ticket);
    }

    void cancelled(Instant at, String by, String reason) {
        tickets.replaceAll(ticket -> ticket.with(TicketStatus.CANCELLED, ticket.attendance));
        hasCancelledTickets = !tickets.isEmpty();
        this.status = BookingStatus.CANCELLED;
        this.cancelledAt = at;
        this.cancelledBy = by;
        this.cancellationReason = reason;
    }

    /**
     * The customer's account was deleted: attendee names, answers and the reason a customer or admin gave for a
     * cancellation read as erased, as a replay (whose key is gone) would give them; the booking stays for reports,
     * flagged. The organiser's reason for cancelling the event is not the customer's.
     */
    void customerErased() {
        customerDeleted = true;
        if (cancellationReason != null && !"organiser".equals(cancelledBy)) {
            cancellationReason = PersonalDataCipher.ERASED;
        }
        tickets.replaceAll(Ticket::erased);
        answers.replaceAll(
                answer -> new Answer(answer.question, answer.answer == null ? null : PersonalDataCipher.ERASED));
    }

    void guestRecorded(String guest) {
        this.guestId = guest;
    }

    /**
     * A guest booking is now the account's: attendee names and answers as the link sealed them with the account's
     * key (by ticket id and position), or erased when the account is already deleted.
     */
    void linkedTo(String accountId, Map<String, String> namesByTicket, List<String> answerTexts, boolean deleted) {
        customerId = accountId;
        tickets.replaceAll(ticket ->
                namesByTicket.containsKey(ticket.ticketId) ? ticket.named(namesByTicket.get(ticket.ticketId)) : ticket);
        for (int i = 0; i < answers.size() && i < answerTexts.size(); i++) {
            answers.set(i, new Answer(answers.get(i).question, answerTexts.get(i)));
        }
        customerDeleted = deleted;
        if (deleted) {
            customerErased();
        }
    }

    /** The guest's key was destroyed: a booking still the guest's is scrubbed and flagged; a linked one is not theirs. */
    void guestErased() {
        if (guestId != null && guestId.equals(customerId)) {
            customerErased();
        }
    }

    String guestId() {
        return guestId;
    }

    /** What this booking counts for in the reports as it stands. */
    BookingFigures figures() {
        return new BookingFigures(
                customerDeleted,
                guestId != null,
                tickets.stream()
                        .map(t -> new BookingFigures.Ticket(
                                t.eventId, t.ticketTypeId, t.status.holdsSeat(), t.attendance))
                        .toList());
    }

    boolean customerDeleted() {
        return customerDeleted;
    }

    String reference() {
        return reference;
    }

    String bookingId() {
        return bookingId;
    }

    String customerId() {
        return customerId;
    }

    String eventId() {
        return eventId;
    }

    BookingView view(BookingOccurrence occurrence, Instant now, String currency) {
        boolean active = status == BookingStatus.BOOKED;
        return new BookingView(
                bookingId,
                reference,
                status.name(),
                bookedAt,
                occurrence.view(),
                occurrence.ticketType(ticketTypeId, currency),
                tickets.stream()
                        .map(t -> new BookingView.Ticket(
                                t.ticketId,
                                t.attendeeName,
                                t.child,
                                t.status.name(),
                                t.attendance.name(),
                                t.eventId,
                                t.ticketTypeId))
                        .toList(),
                new BookingView.Actions(
                        active && occurrence.policy().mayCancel(now, occurrence.startsAt()),
                        active && occurrence.policy().mayTransfer(now, occurrence.startsAt())),
                active ? null : new BookingView.Cancellation(cancelledAt, cancelledBy, cancellationReason));
    }

    BookingDetails details(BookingOccurrence occurrence, Instant now, String currency) {
        return BookingDetails.of(
                view(occurrence, now, currency),
                customerId,
                customerDeleted,
                guestId != null,
                answers.stream()
                        .map(a -> new BookingDetails.Answer(a.question, a.answer))
                        .toList(),
                transfers.stream().map(Transfer::view).toList());
    }

    @Embeddable
    static class Ticket {
        private String ticketId;
        private String attendeeName;
        private boolean child;

        @Enumerated(EnumType.STRING)
        private TicketStatus status = TicketStatus.BOOKED;

        @Enumerated(EnumType.STRING)
        private Attendance attendance = Attendance.BOOKED;

        private String eventId;
        private String ticketTypeId;

        protected Ticket() {}

        Ticket(String ticketId, String attendeeName, boolean child) {
            this.ticketId = ticketId;
            this.attendeeName = attendeeName;
            this.child = child;
        }

        /** A changed copy: Hibernate sees a replaced element of the collection as a change to store. */
        Ticket with(TicketStatus newStatus, Attendance newAttendance) {
            Ticket changed = at(eventId, ticketTypeId);
            changed.status = newStatus;
            changed.attendance = newAttendance;
            return changed;
        }

        Ticket named(String name) {
            Ticket changed = at(eventId, ticketTypeId);
            changed.attendeeName = name;
            return changed;
        }

        Ticket erased() {
            Ticket changed = at(eventId, ticketTypeId);
            changed.attendeeName = PersonalDataCipher.ERASED;
            return changed;
        }

        /** A copy placed at an event and ticket type; a moved ticket's attendance starts afresh. */
        Ticket at(String newEventId, String newTicketTypeId) {
            Ticket changed = new Ticket(ticketId, attendeeName, child);
            changed.status = status;
            changed.attendance = Attendance.afterMove(attendance, eventId, newEventId);
            changed.eventId = newEventId;
            changed.ticketTypeId = newTicketTypeId;
            return changed;
        }
    }

    @Embeddable
    static class Transfer {
        private String ticketIds;
        private String fromEventId;
        private String fromTicketTypeId;
        private String toEventId;
        private String toTicketTypeId;
        private String transferredBy;
        private Instant transferredAt;

        protected Transfer() {}

        Transfer(TicketsTransferred event) {
            this.ticketIds = String.join(",", event.ticketIds());
            this.fromEventId = event.fromOccurrenceId();
            this.fromTicketTypeId = event.fromTicketTypeId();
            this.toEventId = event.toOccurrenceId();
            this.toTicketTypeId = event.toTicketTypeId();
            this.transferredBy = event.transferredBy();
            this.transferredAt = event.transferredAt();
        }

        BookingDetails.Transfer view() {
            return new BookingDetails.Transfer(
                    List.of(ticketIds.split(",")),
                    fromEventId,
                    fromTicketTypeId,
                    toEventId,
                    toTicketTypeId,
                    transferredBy,
                    transferredAt);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Transfer that
                    && ticketIds.equals(that.ticketIds)
                    && toEventId.equals(that.toEventId)
                    && toTicketTypeId.equals(that.toTicketTypeId)
                    && transferredAt.equals(that.transferredAt);
        }

        @Override
        public int hashCode() {
            return Objects.hash(ticketIds, toEventId, toTicketTypeId, transferredAt);
        }
    }

    @Embeddable
    static class Answer {
        private String question;

        @Column(columnDefinition = "text")
        private String answer;

        protected Answer() {}

        Answer(String question, String answer) {
            this.question = question;
            this.answer = answer;
        }
    }
}
