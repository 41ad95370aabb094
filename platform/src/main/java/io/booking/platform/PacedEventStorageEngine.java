package io.booking.platform;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * Axon's JDBC storage engine, whose event streams start at most once per interval.
 * <p>
 * The embedded event store follows the head of the store with one producer thread that opens a new stream as soon as
 * the last one ran dry (on the command side, after every commit). In an on-sale rush that meant two or three queries,
 * each in a transaction of its own, for every booking: 100,000 range reads and 47,000 look-ups of the next index for
 * the 44,000 bookings of a benchmark run ({@code pg_stat_statements}). Waiting until the interval has passed since
 * the last stream started lets events gather, so one read fetches many. Only the start of a stream waits: a processor catching up or
 * replaying reads its stream's batches back to back, and loading an aggregate is not paced at all.
 */
public class PacedEventStorageEngine extends JdbcEventStorageEngine {

    private final long intervalNanos;
    private long lastStart;

    /** @param interval the least time between the starts of two event streams */
    /**
     * Built the way Axon's JDBC auto-configuration builds its engine (each side declares its own event store, which
     * turns that auto-configuration off), and paced.
     */
    public static PacedEventStorageEngine of(
            Serializer snapshotSerializer,
            Serializer eventSerializer,
            EventUpcaster upcasterChain,
            SnapshotFilter snapshotFilter,
            PersistenceExceptionResolver exceptions,
            ConnectionProvider connections,
            TransactionManager transactions,
            EventSchema schema,
            Duration interval) {
        return of(
                snapshotSerializer,
                eventSerializer,
                upcasterChain,
                snapshotFilter,
                exceptions,
                connections,
                transactions,
                schema,
                interval,
                100);
    }

    /** @param batchSize events fetched per query of a stream (Axon's default: 100) */
    public static PacedEventStorageEngine of(
            Serializer snapshotSerializer,
            Serializer eventSerializer,
            EventUpcaster upcasterChain,
            SnapshotFilter snapshotFilter,
            PersistenceExceptionResolver exceptions,
            ConnectionProvider connections,
            TransactionManager transactions,
            EventSchema schema,
            Duration interval,
            int batchSize) {
        return new PacedEventStorageEngine(
                JdbcEventStorageEngine.builder()
                        .batchSize(batchSize)
                        .snapshotSerializer(snapshotSerializer)
                        .upcasterChain(upcasterChain)
                        .persistenceExceptionResolver(exceptions)
                        .eventSerializer(eventSerializer)
                        .snapshotFilter(snapshotFilter)
                        .connectionProvider(connections)
                        .transactionManager(transactions)
                        .schema(schema),
                interval);
    }

    public PacedEventStorageEngine(JdbcEventStorageEngine.Builder builder, Duration interval) {
        super(builder);
        this.intervalNanos = interval.toNanos();
        this.lastStart = System.nanoTime() - intervalNanos;
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long start = Math.max(now, lastStart + intervalNanos);
            lastStart = start;
            wait = start - now;
        }
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
        return super.readEvents(trackingToken, mayBlock);
    }
}
