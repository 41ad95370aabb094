package io.booking.command.waitinglist;

import io.booking.command.booking.BookTickets;

import java.util.List;

/** A customer accepts the offer of a waiting-list entry by booking the held seats, with a booking id of their own. */
public record BookOffer(
        String entryId,
        String bookingId,
        String customerId,
        List<BookTickets.Attendee> attendees,
        List<BookTickets.Answer> answers) {}
