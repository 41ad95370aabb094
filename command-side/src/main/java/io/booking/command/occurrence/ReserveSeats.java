package io.booking.command.occurrence;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Take seats of a ticket type for a booking; sent within the booking's unit of work, so both commit together. */
public record ReserveSeats(@TargetAggregateIdentifier String occurrenceId, String ticketTypeId, String bookingId,
                           int quantity) {
}
