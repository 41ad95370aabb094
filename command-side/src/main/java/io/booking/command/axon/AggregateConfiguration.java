package io.booking.command.axon;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration
public class AggregateConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * A busy event stays in memory between bookings instead of being replayed for each one. Switched off only to
     * measure the naive design beside it (bench/run.sh naive-rush).
     */
    @Bean
    public Cache occurrenceCache(@Value("${booking.occurrence.cache-enabled:true}") boolean enabled) {
        return enabled ? new WeakReferenceCache() : NoCache.INSTANCE;
    }

    /** A cold load (restart, another instance, cache eviction) reads a snapshot and a short tail, not every booking. */
    @Bean
    public SnapshotTriggerDefinition occurrenceSnapshotTrigger(Snapshotter snapshotter,
                                                               @Value("${booking.occurrence.snapshot-threshold}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
