package io.booking.platform;

import java.time.Instant;

/**
 * The instants the API takes: the years 1 to 9999. Instant reaches a billion years, PostgreSQL's timestamps 294,276 AD;
 * an instant past them failed in a statement (500) instead of being refused.
 */
public final class StorableInstants {

    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private StorableInstants() {}

    public static boolean contains(Instant instant) {
        return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }
}
