package io.booking.command.occurrence;

import io.booking.shared.occurrence.Organiser;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Take seats of a ticket type for a booking; sent within the booking's unit of work, so both commit together.
 *
 * @param transfer set when the seats are taken for tickets moved from another event, whose rules then apply too
 */
public record ReserveSeats(
        @TargetAggregateIdentifier String occurrenceId,
        String ticketTypeId,
        String bookingId,
        int quantity,
        TransferIn transfer) {

    public ReserveSeats(String occurrenceId, String ticketTypeId, String bookingId, int quantity) {
        this(occurrenceId, ticketTypeId, bookingId, quantity, null);
    }

    /** @param fromOrganiser tickets move only between events of one organiser */
    public record TransferIn(Organiser fromOrganiser, boolean byAdmin) {}
}
