package io.booking.command.booking;

import java.util.List;

/**
 * A customer books tickets of one ticket type of one event. The booking id is chosen by the client, so a retry of
 * the same request is recognised and answered the same way.
 */
public record BookTickets(
        String bookingId,
        String occurrenceId,
        String ticketTypeId,
        String customerId,
        List<Attendee> attendees,
        List<Answer> answers) {

    public record Attendee(String name, boolean child) {}

    public record Answer(String question, String answer) {}
}
