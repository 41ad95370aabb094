package io.booking.command.occurrence;

import io.booking.command.consistency.Origin;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Take seats for bookings, in the order given; sent within the bookings' unit of work, so seats and bookings commit
 * together. One command for several bookings takes the event's lock once.
 */
public record ReserveSeats(@TargetAggregateIdentifier String occurrenceId, List<SeatRequest> requests) {

    public record SeatRequest(String bookingId, String ticketTypeId, int quantity, Origin origin) {
    }
}
