package io.booking.shared.booking;

import java.time.Instant;

/**
 * A whole booking was cancelled; its seats were released on the event in the same transaction.
 *
 * @param cancelledBy {@code customer} or {@code admin}
 */
public record BookingCancelled(String bookingId, String occurrenceId, String ticketTypeId, int quantity,
                               String cancelledBy, String reason, Instant cancelledAt) implements BookingEvent {
}
