package io.booking.shared.booking;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.booking.shared.personal.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A whole booking was cancelled; its seats were released on the event in the same transaction.
 *
 * @param cancelledBy  {@code customer}, {@code admin} or {@code organiser}
 * @param reason       why, in clear: the organiser's reason when the event itself was cancelled, or the reason of a
 *                     cancellation recorded before revision 2
 * @param sealedReason why, as the customer or an admin wrote it: free text that may name people, so sealed with the
 *                     booking's customer's key and erased with it (revision 2)
 */
@Revision("2")
public record BookingCancelled(
        String bookingId,
        String occurrenceId,
        String ticketTypeId,
        int quantity,
        String cancelledBy,
        String reason,
        Instant cancelledAt,
        PersonalData sealedReason)
        implements BookingEvent {

    @JsonCreator
    public BookingCancelled {}

    /** A cancellation whose reason, if any, is the organiser's. */
    public BookingCancelled(
            String bookingId,
            String occurrenceId,
            String ticketTypeId,
            int quantity,
            String cancelledBy,
            String reason,
            Instant cancelledAt) {
        this(bookingId, occurrenceId, ticketTypeId, quantity, cancelledBy, reason, cancelledAt, null);
    }
}
