package io.booking.shared.occurrence;

import java.time.Instant;

/**
 * Freed seats are held for the first waiting customer whose quantity fits, until the offer expires.
 *
 * @param seatsLeft free seats of the ticket type afterwards
 */
public record SeatsOffered(
        String occurrenceId,
        String ticketTypeId,
        String entryId,
        String customerId,
        int quantity,
        Instant offeredAt,
        Instant expiresAt,
        int seatsLeft)
        implements TicketTypeEvent {}
