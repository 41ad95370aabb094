package io.booking.shared.occurrence;

import java.time.Instant;

/** Nobody took the offer in time; the held seats are free again (before any offer to the next in line). */
public record OfferExpired(
        String occurrenceId, String ticketTypeId, String entryId, String customerId, Instant expiredAt, int seatsLeft)
        implements TicketTypeEvent {}
