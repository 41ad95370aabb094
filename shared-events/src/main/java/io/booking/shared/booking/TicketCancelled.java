package io.booking.shared.booking;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.booking.shared.personal.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * One ticket of a booking was cancelled; its seat was released on the event in the same transaction. The booking
 * stays active while it has other tickets.
 *
 * @param cancelledBy  {@code customer}, {@code admin} or {@code organiser}
 * @param reason       why, in clear: the organiser's reason when the event itself was cancelled, or the reason of a
 *                     cancellation recorded before revision 2
 * @param sealedReason why, as the customer or an admin wrote it, sealed with the booking's customer's key (revision 2)
 */
@Revision("2")
public record TicketCancelled(
        String bookingId,
        String ticketId,
        String occurrenceId,
        String ticketTypeId,
        String cancelledBy,
        String reason,
        Instant cancelledAt,
        PersonalData sealedReason)
        implements BookingEvent {

    @JsonCreator
    public TicketCancelled {}

    /** A cancellation whose reason, if any, is the organiser's. */
    public TicketCancelled(
            String bookingId,
            String ticketId,
            String occurrenceId,
            String ticketTypeId,
            String cancelledBy,
            String reason,
            Instant cancelledAt) {
        this(bookingId, ticketId, occurrenceId, ticketTypeId, cancelledBy, reason, cancelledAt, null);
    }
}
