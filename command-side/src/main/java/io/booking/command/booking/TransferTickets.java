package io.booking.command.booking;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Move one ticket, or every active ticket, of a booking to a ticket type of another event (or another ticket type
 * of the same event).
 *
 * @param ticketId    the one ticket to move, or null for the whole booking
 * @param requesterId the customer asking, who must own the booking unless {@code byAdmin}
 */
public record TransferTickets(
        @TargetAggregateIdentifier String bookingId,
        String ticketId,
        String toOccurrenceId,
        String toTicketTypeId,
        String requesterId,
        boolean byAdmin) {}
