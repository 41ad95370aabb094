package io.booking.shared.booking;

import java.time.Instant;
import java.util.List;

/**
 * Tickets of a booking moved to another event (or ticket type) of the same organiser; the seats were taken on the
 * target and freed on the source in the same transaction. The booking keeps its reference.
 *
 * @param transferredBy {@code customer} or {@code admin}
 */
public record TicketsTransferred(
        String bookingId,
        List<String> ticketIds,
        String fromOccurrenceId,
        String fromTicketTypeId,
        String toOccurrenceId,
        String toTicketTypeId,
        String transferredBy,
        Instant transferredAt)
        implements BookingEvent {}
