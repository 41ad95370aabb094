package io.booking.shared.occurrence;

/**
 * Seats of a ticket type went back on sale because their booking was cancelled.
 *
 * @param seatsLeft what remains of the ticket type's capacity afterwards, so a projection sets it rather than counts
 */
public record SeatsReleased(String occurrenceId, String ticketTypeId, String bookingId, int quantity, int seatsLeft)
        implements TicketTypeEvent {}
