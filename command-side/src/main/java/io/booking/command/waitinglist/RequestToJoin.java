package io.booking.command.waitinglist;

/** A customer asks to wait for seats of a sold-out ticket type; the entry id is the client's, so retries join once. */
public record RequestToJoin(
        String entryId, String occurrenceId, String ticketTypeId, String customerId, int quantity) {}
