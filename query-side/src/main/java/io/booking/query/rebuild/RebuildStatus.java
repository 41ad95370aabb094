package io.booking.query.rebuild;

import jakarta.annotation.Nullable;

import java.time.Instant;

/**
 * Where a rebuild of the read models stands.
 *
 * @param state              IDLE (none since start), REBUILDING, CAUGHT_UP (following new events, waiting for the
 *                           switch), SWITCHED (the new generation serves), FAILED (the current one still serves)
 * @param eventsDone         the event-store position the new generation's slowest processor has reached
 * @param head               the newest event's position
 * @param eventsPerSecond    over the last ten seconds
 * @param secondsLeft        at that rate, until it catches up; null before a rate is known
 * @param switchWhenCaughtUp whether it switches by itself once caught up, or waits for the switch request
 */
public record RebuildStatus(
        State state,
        @Nullable Instant startedAt,
        long eventsDone,
        long head,
        double eventsPerSecond,
        @Nullable Long secondsLeft,
        boolean switchWhenCaughtUp,
        @Nullable Instant switchedAt,
        @Nullable String failure) {

    public enum State {
        IDLE,
        REBUILDING,
        CAUGHT_UP,
        SWITCHED,
        FAILED
    }

    static final RebuildStatus IDLE = new RebuildStatus(State.IDLE, null, 0, 0, 0, null, true, null, null);

    boolean running() {
        return state == State.REBUILDING || state == State.CAUGHT_UP;
    }
}
