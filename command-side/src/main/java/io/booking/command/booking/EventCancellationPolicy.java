package io.booking.command.booking;

import io.booking.shared.occurrence.OccurrenceCancelled;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * When an event is cancelled, every booking of it is cancelled by the organiser with the event's reason. It follows
 * the event store, so a restart in the middle carries on where it stopped; cancelling a booking twice changes nothing.
 */
@Component
@ProcessingGroup("event-cancellations")
public class EventCancellationPolicy {

    private final BookingReferences references;
    private final CommandGateway commands;

    public EventCancellationPolicy(BookingReferences references, CommandGateway commands) {
        this.references = references;
        this.commands = commands;
    }

    @EventHandler
    void on(OccurrenceCancelled event) {
        for (String bookingId : references.bookingsOf(event.occurrenceId())) {
            commands.sendAndWait(new CancelBookingOfCancelledEvent(bookingId, event.occurrenceId(), event.reason()));
        }
    }
}
