package io.booking.shared.occurrence;

import java.time.Instant;

/** The customer booked the seats held for them; the booking was placed in the same transaction. */
public record OfferAccepted(
        String occurrenceId,
        String ticketTypeId,
        String entryId,
        String customerId,
        String bookingId,
        int quantity,
        Instant acceptedAt)
        implements TicketTypeEvent {}
