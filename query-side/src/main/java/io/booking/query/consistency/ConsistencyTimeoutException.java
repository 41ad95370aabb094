package io.booking.query.consistency;

import java.time.Duration;

/** The read models did not reach the requested event store position within the allowed wait. */
public class ConsistencyTimeoutException extends RuntimeException {

    private final Duration retryAfter;

    public ConsistencyTimeoutException(long position, Duration retryAfter) {
        super("read models have not reached position " + position);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
