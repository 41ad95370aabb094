package io.booking.shared.occurrence;

import java.time.Duration;
import java.time.Instant;

/**
 * What an attendee may still do with a ticket of an event.
 *
 * @param cancellationCutoffHours cancelling is allowed until this many hours before the start
 */
public record BookingPolicy(boolean transfersAllowed, boolean cancellationsAllowed, int cancellationCutoffHours) {

    public boolean mayCancel(Instant now, Instant startsAt) {
        return cancellationsAllowed && now.isBefore(startsAt.minus(Duration.ofHours(cancellationCutoffHours)));
    }

    public boolean mayTransfer(Instant now, Instant startsAt) {
        return transfersAllowed && now.isBefore(startsAt);
    }
}
