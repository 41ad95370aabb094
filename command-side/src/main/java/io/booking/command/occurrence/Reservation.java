package io.booking.command.occurrence;

import io.booking.command.CommandRefused;

/**
 * The answer to one seat request: reserved, or refused with the rule that refused it. A refusal is a value, not an
 * exception, so it does not undo the other bookings handled in the same unit of work.
 */
public record Reservation(String bookingId, CommandRefused refusal, int seatsLeft) {

    public boolean reserved() {
        return refusal == null;
    }
}
