package io.booking.query.listing;

import io.booking.shared.occurrence.EventStatus;
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

@Entity
@Table(name = "listed_event")
class ListedEvent {

    static final String SCHEDULED = EventStatus.SCHEDULED.name();
    static final String CANCELLED = EventStatus.CANCELLED.name();
    static final String ENDED = EventStatus.ENDED.name();

    @Id
    private String eventId;

    private String title;

    @Column(columnDefinition = "text")
    private String description;

    private Instant startsAt;
    private Instant endsAt;
    private String location;
    private String organiserName;
    private String category;
    private String organiserContact;
    private String status;
    private boolean transfersAllowed;
    private boolean cancellationsAllowed;
    private int cancellationCutoffHours;

    @ElementCollection
    @CollectionTable(name = "listed_ticket_type", joinColumns = @JoinColumn(name = "event_id"))
    @OrderColumn(name = "position")
    @BatchSize(size = 100)
    private List<TicketTypeRow> ticketTypes = new ArrayList<>();

    protected ListedEvent() {}

    ListedEvent(String eventId) {
        this.eventId = eventId;
    }

    void schedule(OccurrenceScheduled event) {
        title = event.title();
        description = event.description();
        startsAt = event.startsAt();
        endsAt = event.endsAt();
        location = event.location();
        category = event.category();
        organiserName = event.organiser() == null ? null : event.organiser().name();
        organiserContact = event.organiser() == null ? null : event.organiser().contact();
        status = SCHEDULED;
        transfersAllowed = event.policy().transfersAllowed();
        cancellationsAllowed = event.policy().cancellationsAllowed();
        cancellationCutoffHours = event.policy().cancellationCutoffHours();
        ticketTypes.clear();
        event.ticketTypes()
                .forEach(type -> ticketTypes.add(new TicketTypeRow(
                        type.ticketTypeId(), type.name(), type.price(), type.capacity(), type.capacity())));
    }

    /** @param now an event past its end reads ENDED (the listing leaves it out; its own page still answers) */
    EventView view(Instant now, String currency) {
        String shown = SCHEDULED.equals(status) && !endsAt.isAfter(now) ? ENDED : status;
        return new EventView(
                eventId,
                title,
                description,
                startsAt,
                endsAt,
                location,
                category,
                new EventView.Organiser(organiserName, organiserContact),
                shown,
                new EventView.Policy(transfersAllowed, cancellationsAllowed, cancellationCutoffHours),
                ticketTypes.stream()
                        .map(row -> new EventView.TicketType(
                                row.ticketTypeId, row.name, row.price, row.capacity, row.seatsLeft))
                        .toList(),
                currency);
    }

    @Embeddable
    static class TicketTypeRow {
        private String ticketTypeId;
        private String name;

        @Column(precision = 12, scale = 2)
        private BigDecimal price;

        private int capacity;
        private int seatsLeft;

        protected TicketTypeRow() {}

        TicketTypeRow(String ticketTypeId, String name, BigDecimal price, int capacity, int seatsLeft) {
            this.ticketTypeId = ticketTypeId;
            this.name = name;
            this.price = price;
            this.capacity = capacity;
            this.seatsLeft = seatsLeft;
        }
    }
}
