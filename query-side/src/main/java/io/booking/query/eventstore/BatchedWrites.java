package io.booking.query.eventstore;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Rows a projection writes for many events of one batch in a few statements instead of a few per event: in an
 * on-sale rush a processor's batch holds dozens of bookings. Handlers {@link #put} rows here; the writer gets them
 * all before the batch commits, or earlier: before any other event of the processing group is handled
 * ({@link #flushingBeforeEventsOtherThan}), so the tables still change in the events' order. A row put again under
 * the same key replaces the pending one. Outside a unit of work (a handler called directly) a row is written at once.
 *
 * @param <K> what makes a pending row unique
 * @param <V> what the writer needs to write a row
 */
public final class BatchedWrites<K, V> {

    private final String resource;
    private final Consumer<List<V>> writer;

    public BatchedWrites(String name, Consumer<List<V>> writer) {
        this.resource = BatchedWrites.class.getName() + "." + name;
        this.writer = writer;
    }

    public void put(K key, V row) {
        if (!CurrentUnitOfWork.isStarted()) {
            writer.accept(List.of(row));
            return;
        }
        pending(CurrentUnitOfWork.get().root()).put(key, row);
    }

    /** Writes what is pending now. */
    public void flush() {
        if (CurrentUnitOfWork.isStarted()) {
            Map<K, V> pending = CurrentUnitOfWork.get().root().getResource(resource);
            if (pending != null) {
                write(pending);
            }
        }
    }

    /** For the processing group of the handlers that put rows here: other events see those rows written. */
    public MessageHandlerInterceptor<EventMessage<?>> flushingBeforeEventsOtherThan(Set<Class<?>> payloadTypes) {
        return (unitOfWork, chain) -> {
            if (!payloadTypes.contains(unitOfWork.getMessage().getPayloadType())) {
                flush();
            }
            return chain.proceed();
        };
    }

    private Map<K, V> pending(UnitOfWork<?> unitOfWork) {
        Map<K, V> existing = unitOfWork.getResource(resource);
        if (existing != null) {
            return existing;
        }
        Map<K, V> pending = new LinkedHashMap<>();
        unitOfWork.resources().put(resource, pending);
        unitOfWork.onPrepareCommit(u -> write(pending));
        PendingWrites.register(unitOfWork, new PendingWrites() {
            @Override
            public boolean writePending() {
                return write(pending);
            }

            @Override
            public void dropPending() {
                pending.clear();
            }
        });
        return pending;
    }

    private boolean write(Map<K, V> pending) {
        if (pending.isEmpty()) {
            return false;
        }
        List<V> rows = List.copyOf(pending.values());
        pending.clear();
        writer.accept(rows);
        return true;
    }
}
