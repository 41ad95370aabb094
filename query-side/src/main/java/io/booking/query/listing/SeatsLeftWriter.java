package io.booking.query.listing;

import io.booking.query.eventstore.BatchedWrites;
import io.booking.shared.occurrence.OfferDeclined;
import io.booking.shared.occurrence.OfferExpired;
import io.booking.shared.occurrence.SeatsOffered;
import io.booking.shared.occurrence.SeatsReleased;
import io.booking.shared.occurrence.SeatsReserved;
import io.booking.shared.occurrence.WaitingListLeft;
import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Set;

/**
 * A ticket type's seats left, written once per batch of events: in an on-sale rush a batch holds dozens of
 * reservations of the same ticket type, each carrying the count after it, so only the last one needs to reach the row.
 */
@Configuration(proxyBeanMethods = false)
class SeatsLeftWriter {

    /** The events that carry a ticket type's seats left; any other event of the listing sees them written first. */
    private static final Set<Class<?>> SEAT_COUNTS = Set.of(
            SeatsReserved.class,
            SeatsReleased.class,
            SeatsOffered.class,
            OfferDeclined.class,
            OfferExpired.class,
            WaitingListLeft.class);

    private final BatchedWrites<TicketType, Object[]> seatsLeft;
    private final ListedEventRepository events;
    private final JdbcTemplate jdbc;

    SeatsLeftWriter(ListedEventRepository events, JdbcTemplate jdbc) {
        this.events = events;
        this.jdbc = jdbc;
        this.seatsLeft = new BatchedWrites<>("seats-left", this::write);
    }

    void set(String eventId, String ticketTypeId, int seatsLeft) {
        this.seatsLeft.put(new TicketType(eventId, ticketTypeId), new Object[] {seatsLeft, eventId, ticketTypeId});
    }

    /** Static, and the writer looked up when the processor is built: Axon's configuration is assembled early. */
    @Bean
    static ConfigurerModule seatCountsWrittenBeforeOtherListingEvents(ObjectProvider<SeatsLeftWriter> writer) {
        return configurer -> configurer.eventProcessing(processing -> processing.registerHandlerInterceptor(
                ListingProjection.GROUP,
                configuration -> writer.getObject().seatsLeft.flushingBeforeEventsOtherThan(SEAT_COUNTS)));
    }

    private void write(List<Object[]> rows) {
        // a ticket type listed in this batch may still be in the entity manager only
        events.flush();
        jdbc.batchUpdate(
                "update listed_ticket_type set seats_left = ? where event_id = ? and ticket_type_id = ?", rows);
    }

    private record TicketType(String eventId, String ticketTypeId) {}
}
