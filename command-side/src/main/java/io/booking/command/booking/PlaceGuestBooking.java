package io.booking.command.booking;

import io.booking.shared.booking.BookedTicket;
import io.booking.shared.booking.FormAnswer;
import io.booking.shared.personal.PersonalData;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Creates a guest's booking once its seats are reserved; every personal field arrives sealed with the guest's key. */
public record PlaceGuestBooking(
        @TargetAggregateIdentifier String bookingId,
        String reference,
        String occurrenceId,
        String ticketTypeId,
        String guestId,
        List<BookedTicket> tickets,
        List<FormAnswer> answers,
        PersonalData name,
        PersonalData email,
        PersonalData phone) {}
