package io.booking.shared.occurrence;

import java.time.Instant;

/** The customer turned the offer down; the held seats are free again (before any offer to the next in line). */
public record OfferDeclined(
        String occurrenceId, String ticketTypeId, String entryId, String customerId, Instant declinedAt, int seatsLeft)
        implements TicketTypeEvent {}
