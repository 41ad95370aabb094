package io.booking.shared.occurrence;

import java.time.Instant;

/**
 * A customer left the waiting list; seats their open offer held are free again.
 *
 * @param seatsLeft free seats of the ticket type afterwards (before any offer to the next in line)
 */
public record WaitingListLeft(
        String occurrenceId, String ticketTypeId, String entryId, String customerId, Instant leftAt, int seatsLeft)
        implements TicketTypeEvent {}
