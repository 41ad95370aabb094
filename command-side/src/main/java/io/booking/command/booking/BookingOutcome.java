package io.booking.command.booking;

import io.booking.command.CommandRefused;

/**
 * What became of one booking request: booked (or booked before, for a retry), or refused with its rule.
 *
 * @param repeated the same request was already booked; this answer repeats the first one
 */
public record BookingOutcome(String bookingId, String reference, boolean repeated, CommandRefused refusal) {

    static BookingOutcome booked(String bookingId, String reference, boolean repeated) {
        return new BookingOutcome(bookingId, reference, repeated, null);
    }

    static BookingOutcome refused(String bookingId, CommandRefused refusal) {
        return new BookingOutcome(bookingId, null, false, refusal);
    }

    public boolean booked() {
        return refusal == null;
    }
}
