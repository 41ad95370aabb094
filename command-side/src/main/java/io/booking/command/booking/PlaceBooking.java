package io.booking.command.booking;

import io.booking.shared.booking.BookedTicket;
import io.booking.shared.booking.FormAnswer;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Creates the booking once its seats are reserved; personal fields arrive sealed. */
public record PlaceBooking(
        @TargetAggregateIdentifier String bookingId,
        String reference,
        String occurrenceId,
        String ticketTypeId,
        String customerId,
        List<BookedTicket> tickets,
        List<FormAnswer> answers) {}
