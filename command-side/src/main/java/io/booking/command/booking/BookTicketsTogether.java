package io.booking.command.booking;

import io.booking.command.consistency.Origin;

import java.util.List;

/**
 * Bookings of one event that arrived together, handled in one unit of work: one lock of the event, one transaction,
 * one commit. Each booking still gets its own answer.
 */
public record BookTicketsTogether(String occurrenceId, List<Request> requests) {

    public record Request(BookTickets booking, Origin origin) {
    }
}
