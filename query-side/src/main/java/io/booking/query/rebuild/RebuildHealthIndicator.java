package io.booking.query.rebuild;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** A rebuild's progress in the health details; always UP: the current generation serves whatever the rebuild does. */
@Component("readModelRebuildHealthIndicator")
class RebuildHealthIndicator extends AbstractHealthIndicator {

    private final ReadModelRebuild rebuild;

    RebuildHealthIndicator(ReadModelRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        RebuildStatus status = rebuild.status();
        builder.up()
                .withDetail("state", status.state())
                .withDetail("eventsDone", status.eventsDone())
                .withDetail("head", status.head())
                .withDetail("eventsPerSecond", status.eventsPerSecond());
        if (status.secondsLeft() != null) {
            builder.withDetail("secondsLeft", status.secondsLeft());
        }
    }
}
