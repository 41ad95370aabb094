package io.booking.system.bench;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * The command side's clock while the history loader runs: real time, except on a thread the loader has set to a
 * moment of the history it writes. The command side handles a command on the calling thread, so its rules (an event
 * must start in the future, cancellations within the cutoff) judge each command at the moment it is dated, and the
 * dates in its events (booked at, cancelled at) are that moment. The store's own timestamps stay real.
 */
final class HistoryClock extends Clock {

    private static final ThreadLocal<Instant> AT = new ThreadLocal<>();

    static <T> T at(Instant moment, Supplier<T> work) {
        AT.set(moment);
        try {
            return work.get();
        } finally {
            AT.remove();
        }
    }

    @Override
    public Instant instant() {
        Instant at = AT.get();
        return at == null ? Instant.now() : at;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
