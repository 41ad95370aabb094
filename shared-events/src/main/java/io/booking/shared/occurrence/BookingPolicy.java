package io.booking.shared.occurrence;

import java.time.Duration;
import java.time.Instant;

/**
 * What an attendee may still do with a ticket of an event, and how the organiser tracks attendance.
 *
 * @param cancellationCutoffHours cancelling, and transferring a ticket away, is allowed until this many hours before
 *                                the start
 * @param attendanceTracking      tickets not marked by the event's end become attended at the end; without it
 *                                they stay booked (added later: older events read as off)
 */
public record BookingPolicy(
        boolean transfersAllowed,
        boolean cancellationsAllowed,
        int cancellationCutoffHours,
        boolean attendanceTracking) {

    public BookingPolicy(boolean transfersAllowed, boolean cancellationsAllowed, int cancellationCutoffHours) {
        this(transfersAllowed, cancellationsAllowed, cancellationCutoffHours, false);
    }

    public boolean mayCancel(Instant now, Instant startsAt) {
        return cancellationsAllowed && now.isBefore(startsAt.minus(Duration.ofHours(cancellationCutoffHours)));
    }

    /**
     * Moving a ticket to another date is allowed within the same window as cancelling it: a transfer is a cancellation
     * here and a booking there, and past the cutoff it would let a ticket leave an event that may no longer be left
     * (a transfer to a later date, then a cancellation there).
     */
    public boolean mayTransfer(Instant now, Instant startsAt) {
        return transfersAllowed && now.isBefore(startsAt.minus(Duration.ofHours(cancellationCutoffHours)));
    }
}
