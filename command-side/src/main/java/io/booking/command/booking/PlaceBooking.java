package io.booking.command.booking;

import io.booking.shared.booking.BookedTicket;
import io.booking.shared.booking.FormAnswer;
import io.booking.shared.personal.PersonalData;
import jakarta.annotation.Nullable;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Creates the booking once its seats are reserved; personal fields arrive sealed.
 *
 * @param customerId the account's id, or a guest's subject id
 * @param guest      a guest's contact, sealed with the guest's key; null for an account's booking
 */
public record PlaceBooking(
        @TargetAggregateIdentifier String bookingId,
        String reference,
        String occurrenceId,
        String ticketTypeId,
        String customerId,
        List<BookedTicket> tickets,
        List<FormAnswer> answers,
        @Nullable GuestContact guest) {

    public PlaceBooking(
            String bookingId,
            String reference,
            String occurrenceId,
            String ticketTypeId,
            String customerId,
            List<BookedTicket> tickets,
            List<FormAnswer> answers) {
        this(bookingId, reference, occurrenceId, ticketTypeId, customerId, tickets, answers, null);
    }

    /** How to reach a guest, sealed; the phone is optional. */
    public record GuestContact(
            PersonalData name, PersonalData email, @Nullable PersonalData phone) {}
}
