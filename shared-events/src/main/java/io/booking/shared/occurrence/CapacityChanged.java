package io.booking.shared.occurrence;

/**
 * An admin raised or lowered a ticket type's capacity; never below the seats already taken.
 *
 * @param seatsLeft what remains to sell afterwards
 */
public record CapacityChanged(String occurrenceId, String ticketTypeId, int capacity, int seatsLeft)
        implements TicketTypeEvent {}
