package io.booking.shared.booking;

import java.time.Instant;
import java.util.List;

/** A customer booked tickets of one ticket type of one event; the seats were reserved in the same transaction. */
public record TicketsBooked(
        String bookingId,
        String reference,
        String occurrenceId,
        String ticketTypeId,
        String customerId,
        List<BookedTicket> tickets,
        List<FormAnswer> answers,
        Instant bookedAt)
        implements BookingEvent {}
