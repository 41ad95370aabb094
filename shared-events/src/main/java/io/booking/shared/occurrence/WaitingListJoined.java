package io.booking.shared.occurrence;

import java.time.Instant;

/** A customer queued for a sold-out ticket type, for a number of seats. */
public record WaitingListJoined(
        String occurrenceId, String ticketTypeId, String entryId, String customerId, int quantity, Instant joinedAt)
        implements TicketTypeEvent {}
