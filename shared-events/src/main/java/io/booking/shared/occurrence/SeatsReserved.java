package io.booking.shared.occurrence;

/**
 * Seats of a ticket type were taken for a booking.
 *
 * @param seatsLeft what remains of the ticket type's capacity afterwards, so a projection sets it rather than counts
 */
public record SeatsReserved(String occurrenceId, String ticketTypeId, String bookingId, int quantity, int seatsLeft)
        implements TicketTypeEvent {}
