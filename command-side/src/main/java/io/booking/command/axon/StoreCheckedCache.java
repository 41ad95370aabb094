package io.booking.command.axon;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.jdbc.core.JdbcTemplate;

import java.lang.reflect.Field;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Aggregates kept in memory by this node, each checked against the store before it is used: another node may have
 * appended to it since (a cancellation by booking id goes to any node; a transfer, an order or an account's deletion
 * changes events other nodes sell). An entry older than the store is dropped, and the aggregate is read afresh
 * (snapshot and tail). A write decided on a stale entry would fail on its sequence number anyway, but a refusal (sold
 * out, while another node freed a seat) would not. The check is one indexed lookup per aggregate and unit of work,
 * made under the aggregate's lock.
 */
final class StoreCheckedCache implements Cache {

    // Axon keeps the version an entry was cached at private; the check needs nothing else of it
    private static final Field VERSION = versionField();

    private final Cache cached;
    private final JdbcTemplate jdbc;
    private final String selectLastSequence;

    StoreCheckedCache(Cache cached, JdbcTemplate jdbc, EventSchema events) {
        this.cached = cached;
        this.jdbc = jdbc;
        this.selectLastSequence = "select max(" + events.sequenceNumberColumn() + ") from " + events.domainEventTable()
                + " where " + events.aggregateIdentifierColumn() + " = ?";
    }

    @Override
    public <K, V> V get(K key) {
        V entry = cached.get(key);
        if (entry instanceof AggregateCacheEntry<?> aggregate && !Objects.equals(versionOf(aggregate), stored(key))) {
            cached.remove(key);
            return null;
        }
        return entry;
    }

    private Long stored(Object aggregateId) {
        return jdbc.queryForObject(selectLastSequence, Long.class, aggregateId.toString());
    }

    private static Long versionOf(AggregateCacheEntry<?> entry) {
        try {
            return (Long) VERSION.get(entry);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Field versionField() {
        try {
            Field version = AggregateCacheEntry.class.getDeclaredField("version");
            version.setAccessible(true);
            return version;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("Axon's AggregateCacheEntry no longer keeps a version", e);
        }
    }

    @Override
    public void put(Object key, Object value) {
        cached.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return cached.putIfAbsent(key, value);
    }

    @Override
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return cached.computeIfAbsent(key, valueSupplier);
    }

    @Override
    public boolean remove(Object key) {
        return cached.remove(key);
    }

    @Override
    public void removeAll() {
        cached.removeAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return cached.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        return cached.registerCacheEntryListener(cacheEntryListener);
    }

    @Override
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        cached.computeIfPresent(key, update);
    }
}
