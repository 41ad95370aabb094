package io.booking.command.axon;

import io.booking.command.occurrence.Occurrence;
import io.booking.command.occurrence.WaitingListPolicy;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.common.lock.LockFactory;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.snapshotting.RevisionSnapshotFilter;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;

@Configuration
@EnableConfigurationProperties(WaitingListPolicy.class)
public class AggregateConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * A busy event stays in memory between bookings instead of being replayed for each one, checked against the store
     * before each use (another node may have changed it). Switched off only to measure the naive design beside it
     * (bench/run.sh naive-rush).
     */
    @Bean
    public Cache occurrenceCache(OccurrenceSettings settings, JdbcTemplate jdbc, EventSchema events) {
        return settings.cacheEnabled()
                ? new StoreCheckedCache(new WeakReferenceCache(), jdbc, events)
                : NoCache.INSTANCE;
    }

    /**
     * Every booker of an event queues on its lock and gets it in arrival order (see {@link FairLockFactory}), or gives
     * up after 30 s. Axon's default waiter woke every 10 ms to look for deadlocks, which with a few dozen waiters burnt
     * more CPU than the bookings; here a waiter looks once, as it starts waiting, and sleeps until its turn.
     */
    @Bean
    public LockFactory occurrenceLockFactory() {
        return new FairLockFactory(Duration.ofSeconds(30));
    }

    /**
     * Snapshots are taken on a thread of their own. Taken on the booking's thread (Axon's default), a snapshot waited
     * for a second connection while its request still held one and the event's lock: under a rush every connection
     * was held by a booker queued on that lock, and the pool ran dry.
     */
    @Bean
    public SpringAggregateSnapshotter aggregateSnapshotter(
            org.axonframework.config.Configuration configuration,
            HandlerDefinition handlerDefinition,
            ParameterResolverFactory parameterResolverFactory,
            EventStore eventStore,
            TransactionManager transactionManager,
            SnapshotterSpanFactory spanFactory) {
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(Executors.newSingleThreadExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "snapshotter");
                    thread.setDaemon(true);
                    return thread;
                }))
                .build();
    }

    /** A snapshot of an older shape of the event aggregate is skipped: the aggregate is rebuilt from its events. */
    @Bean
    public SnapshotFilter occurrenceSnapshotFilter() {
        return RevisionSnapshotFilter.builder()
                .type(Occurrence.class)
                .revision(Occurrence.REVISION)
                .build();
    }

    /** A cold load (restart, another instance, cache eviction) reads a snapshot and a short tail, not every booking. */
    @Bean
    public SnapshotTriggerDefinition occurrenceSnapshotTrigger(Snapshotter snapshotter, OccurrenceSettings settings) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, settings.snapshotThreshold());
    }
}
