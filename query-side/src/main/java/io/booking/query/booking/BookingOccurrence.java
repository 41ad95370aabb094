package io.booking.query.booking;

import io.booking.shared.occurrence.BookingPolicy;
import io.booking.shared.occurrence.OccurrenceScheduled;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.BatchSize;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What a booking row shows of its event. */
@Entity
@Table(name = "booking_occurrence")
class BookingOccurrence {

    @Id
    private String eventId;

    private String title;
    private Instant startsAt;
    private Instant endsAt;
    private String location;
    private String organiserName;
    private String category;
    private String organiserContact;
    private boolean transfersAllowed;
    private boolean cancellationsAllowed;
    private int cancellationCutoffHours;
    private boolean cancelled;

    @ElementCollection
    @CollectionTable(name = "booking_occurrence_ticket_type", joinColumns = @JoinColumn(name = "event_id"))
    @OrderColumn(name = "position")
    @BatchSize(size = 100)
    private List<TicketTypeRow> ticketTypes = new ArrayList<>();

    protected BookingOccurrence() {}

    BookingOccurrence(String eventId) {
        this.eventId = eventId;
    }

    void schedule(OccurrenceScheduled event) {
        title = event.title();
        startsAt = event.startsAt();
        endsAt = event.endsAt();
        location = event.location();
        category = event.category();
        organiserName = event.organiser() == null ? null : event.organiser().name();
        organiserContact = event.organiser() == null ? null : event.organiser().contact();
        transfersAllowed = event.policy().transfersAllowed();
        cancellationsAllowed = event.policy().cancellationsAllowed();
        cancellationCutoffHours = event.policy().cancellationCutoffHours();
        ticketTypes.clear();
        event.ticketTypes()
                .forEach(type -> ticketTypes.add(new TicketTypeRow(type.ticketTypeId(), type.name(), type.price())));
    }

    String eventId() {
        return eventId;
    }

    Instant startsAt() {
        return startsAt;
    }

    BookingPolicy policy() {
        return new BookingPolicy(transfersAllowed, cancellationsAllowed, cancellationCutoffHours);
    }

    void cancel() {
        cancelled = true;
    }

    String title() {
        return title;
    }

    String organiserName() {
        return organiserName;
    }

    BookingView.Event view() {
        return new BookingView.Event(
                eventId,
                title,
                startsAt,
                endsAt,
                location,
                category,
                new BookingView.Organiser(organiserName, organiserContact),
                cancelled);
    }

    BookingView.TicketType ticketType(String ticketTypeId, String currency) {
        return ticketTypes.stream()
                .filter(row -> row.ticketTypeId.equals(ticketTypeId))
                .findFirst()
                .map(row -> new BookingView.TicketType(row.ticketTypeId, row.name, row.price, currency))
                .orElse(new BookingView.TicketType(ticketTypeId, null, null, currency));
    }

    @Embeddable
    static class TicketTypeRow {
        private String ticketTypeId;
        private String name;

        @Column(precision = 12, scale = 2)
        private BigDecimal price;

        protected TicketTypeRow() {}

        TicketTypeRow(String ticketTypeId, String name, BigDecimal price) {
            this.ticketTypeId = ticketTypeId;
            this.name = name;
            this.price = price;
        }
    }
}
