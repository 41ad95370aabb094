package io.booking.command.booking;

import io.booking.shared.occurrence.OccurrenceEnded;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * When an event with attendance tracking ends, the tickets nobody marked count as attended. It follows the event
 * store, so a restart in the middle carries on; a booking already handled records nothing twice.
 */
@Component
@ProcessingGroup("event-endings")
public class AttendancePolicy {

    private final BookingReferences references;
    private final CommandGateway commands;

    public AttendancePolicy(BookingReferences references, CommandGateway commands) {
        this.references = references;
        this.commands = commands;
    }

    @EventHandler
    void on(OccurrenceEnded event) {
        if (!event.attendanceTracking()) {
            return;
        }
        for (String bookingId : references.bookingsOf(event.occurrenceId())) {
            commands.sendAndWait(new AttendByDefault(bookingId, event.occurrenceId()));
        }
    }
}
