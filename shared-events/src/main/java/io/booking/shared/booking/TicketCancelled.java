package io.booking.shared.booking;

import java.time.Instant;

/**
 * One ticket of a booking was cancelled; its seat was released on the event in the same transaction. The booking
 * stays active while it has other tickets.
 *
 * @param cancelledBy {@code customer} or {@code admin}
 */
public record TicketCancelled(String bookingId, String ticketId, String occurrenceId, String ticketTypeId,
                              String cancelledBy, String reason, Instant cancelledAt) implements BookingEvent {
}
