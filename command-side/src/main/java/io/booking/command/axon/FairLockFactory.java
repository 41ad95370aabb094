package io.booking.command.axon;

import org.axonframework.common.lock.DeadlockException;
import org.axonframework.common.lock.Lock;
import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.axonframework.common.lock.LockFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Aggregate locks handed to their waiters in arrival order.
 * <p>
 * In an on-sale rush every booker of the event queues on its lock. Axon's {@code PessimisticLockFactory} uses a
 * barging lock: a booker arriving just as the lock is released often takes it before those already waiting, so a few
 * bookings waited four times as long as the median. Here the lock goes to the longest waiter, who keeps its place however
 * long it waits (up to {@code maxWait}, then it gives up). Deadlocks (two transfers crossing between the same two events)
 * are found when a thread is about to wait: if the lock it wants is held, directly or through other waiters, by a thread
 * waiting for a lock it holds, it gives way with {@link DeadlockException}, as with Axon's factory. Registering as a
 * waiter and looking for a cycle happen together, so of the threads closing a cycle the last one finds it.
 */
final class FairLockFactory implements LockFactory {

    private final ConcurrentHashMap<String, Entry> locks = new ConcurrentHashMap<>();
    /** Who waits for which lock; changed together with the search for a cycle, under the map's own monitor. */
    private final Map<Thread, Entry> waiting = new HashMap<>();

    private final long maxWaitNanos;

    FairLockFactory(Duration maxWait) {
        this.maxWaitNanos = maxWait.toNanos();
    }

    @Override
    public Lock obtainLock(String identifier) {
        Entry entry = locks.compute(identifier, (id, existing) -> {
            Entry used = existing == null ? new Entry(id) : existing;
            used.users++;
            return used;
        });
        try {
            acquire(entry);
        } catch (RuntimeException | Error e) {
            leave(entry);
            throw e;
        }
        return new Held(entry);
    }

    private void acquire(Entry entry) {
        Thread me = Thread.currentThread();
        if (entry.lock.isHeldByCurrentThread()) {
            entry.lock.lock();
            return;
        }
        synchronized (waiting) {
            if (deadlocked(entry, me)) {
                throw new DeadlockException("a lock cycle through aggregate " + entry.id + ": giving way");
            }
            waiting.put(me, entry);
        }
        try {
            // a timed tryLock keeps the queue's order (an untimed one would barge)
            if (!entry.lock.tryLock(maxWaitNanos, TimeUnit.NANOSECONDS)) {
                throw new LockAcquisitionFailedException("aggregate " + entry.id + " stayed locked too long");
            }
            entry.owner = me;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LockAcquisitionFailedException("interrupted waiting for aggregate " + entry.id, e);
        } finally {
            synchronized (waiting) {
                waiting.remove(me);
            }
        }
    }

    /** Follows owner, then what that owner waits for, and so on: back at {@code me} is a cycle. Under the monitor. */
    private boolean deadlocked(Entry wanted, Thread me) {
        Set<Thread> seen = new HashSet<>();
        Entry next = wanted;
        while (next != null) {
            Thread owner = next.owner;
            if (owner == null || !seen.add(owner)) {
                return false;
            }
            if (owner == me) {
                return true;
            }
            next = waiting.get(owner);
        }
        return false;
    }

    /** How many threads queue for the lock of an aggregate now. */
    int queued(String identifier) {
        Entry entry = locks.get(identifier);
        return entry == null ? 0 : entry.lock.getQueueLength();
    }

    private void leave(Entry entry) {
        locks.computeIfPresent(entry.id, (id, existing) -> --existing.users == 0 ? null : existing);
    }

    private static final class Entry {

        private final String id;
        private final ReentrantLock lock = new ReentrantLock(true);
        private volatile Thread owner;
        /** Threads holding or waiting for this lock; guarded by the map's compute. */
        private int users;

        private Entry(String id) {
            this.id = id;
        }
    }

    private final class Held implements Lock {

        private final Entry entry;

        private Held(Entry entry) {
            this.entry = entry;
        }

        @Override
        public void release() {
            if (entry.lock.getHoldCount() == 1) {
                entry.owner = null;
            }
            entry.lock.unlock();
            leave(entry);
        }

        @Override
        public boolean isHeld() {
            return entry.lock.isHeldByCurrentThread();
        }
    }
}
