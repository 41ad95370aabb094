package io.booking.query.listing;

import io.booking.platform.MoneySettings;
import io.booking.query.web.NotFoundException;
import io.booking.query.web.PageView;
import io.booking.shared.occurrence.CapacityChanged;
import io.booking.shared.occurrence.OccurrenceCancelled;
import io.booking.shared.occurrence.OccurrenceScheduled;
import io.booking.shared.occurrence.OfferDeclined;
import io.booking.shared.occurrence.OfferExpired;
import io.booking.shared.occurrence.SeatsOffered;
import io.booking.shared.occurrence.SeatsReleased;
import io.booking.shared.occurrence.SeatsReserved;
import io.booking.shared.occurrence.WaitingListLeft;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The public listing of scheduled events that have not ended. Handlers set values, so a redelivered or replayed event
 * changes nothing.
 */
@Component
@ProcessingGroup(ListingProjection.GROUP)
public class ListingProjection {

    public static final String GROUP = "events";

    private final ListedEventRepository events;
    private final SeatsLeftWriter seatsLeft;
    private final Clock clock;

    private final MoneySettings money;

    ListingProjection(ListedEventRepository events, SeatsLeftWriter seatsLeft, Clock clock, MoneySettings money) {
        this.money = money;
        this.events = events;
        this.seatsLeft = seatsLeft;
        this.clock = clock;
    }

    @EventHandler
    void on(OccurrenceScheduled event) {
        ListedEvent listed =
                events.findById(event.occurrenceId()).orElseGet(() -> new ListedEvent(event.occurrenceId()));
        listed.schedule(event);
        events.save(listed);
    }

    @EventHandler
    void on(SeatsReserved event) {
        seatsLeft.set(event.occurrenceId(), event.ticketTypeId(), event.seatsLeft());
    }

    @EventHandler
    void on(SeatsReleased event) {
        seatsLeft.set(event.occurrenceId(), event.ticketTypeId(), event.seatsLeft());
    }

    // seats held by an offer are not for sale; when an offer ends they are, unless offered on at once
    @EventHandler
    void on(SeatsOffered event) {
        seatsLeft.set(event.occurrenceId(), event.ticketTypeId(), event.seatsLeft());
    }

    @EventHandler
    void on(OfferDeclined event) {
        seatsLeft.set(event.occurrenceId(), event.ticketTypeId(), event.seatsLeft());
    }

    @EventHandler
    void on(OfferExpired event) {
        seatsLeft.set(event.occurrenceId(), event.ticketTypeId(), event.seatsLeft());
    }

    @EventHandler
    void on(WaitingListLeft event) {
        seatsLeft.set(event.occurrenceId(), event.ticketTypeId(), event.seatsLeft());
    }

    @EventHandler
    void on(CapacityChanged event) {
        events.setCapacity(event.occurrenceId(), event.ticketTypeId(), event.capacity(), event.seatsLeft());
    }

    @EventHandler
    void on(OccurrenceCancelled event) {
        events.setStatus(event.occurrenceId(), ListedEvent.CANCELLED);
    }

    @ResetHandler
    void reset() {
        events.deleteAllInBatch();
    }

    /** @param category only events of this category (case-insensitive), or all when null */
    @Transactional(readOnly = true)
    public PageView<EventView> scheduled(String category, Pageable pageable) {
        Instant now = clock.instant();
        return PageView.of(
                category == null || category.isBlank()
                        ? events.findByStatusAndEndsAtAfterOrderByStartsAtAscEventIdAsc(
                                ListedEvent.SCHEDULED, now, pageable)
                        : events.findByStatusAndCategoryIgnoreCaseAndEndsAtAfterOrderByStartsAtAscEventIdAsc(
                                ListedEvent.SCHEDULED, category.trim(), now, pageable),
                event -> event.view(now, money.currency()));
    }

    /** "Book again": this event while it can still be booked, else the next date of it with a seat left. */
    @Transactional(readOnly = true)
    public Optional<String> nextBookable(String title, String organiserName) {
        return events.findNextBookable(title, organiserName, clock.instant());
    }

    @Transactional(readOnly = true)
    public EventView event(String eventId) {
        return events.findById(eventId)
                .map(event -> event.view(clock.instant(), money.currency()))
                .orElseThrow(() -> new NotFoundException("No event " + eventId + "."));
    }
}
