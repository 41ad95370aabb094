package io.booking.command.axon;

import org.axonframework.common.lock.DeadlockException;
import org.axonframework.common.lock.Lock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class FairLockFactoryTest {

    private final FairLockFactory locks = new FairLockFactory(Duration.ofSeconds(10));
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void waitersGetTheLockInTheOrderTheyCame() throws Exception {
        Lock held = locks.obtainLock("event-1");
        List<Integer> order = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 5; i++) {
            int waiter = i;
            threads.submit(() -> {
                Lock lock = locks.obtainLock("event-1");
                order.add(waiter);
                lock.release();
            });
            // the next waiter comes only once this one queues
            await().atMost(Duration.ofSeconds(5)).until(() -> locks.queued("event-1") == waiter + 1);
        }

        held.release();

        await().atMost(Duration.ofSeconds(5)).until(() -> order.size() == 5);
        assertThat(order).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void aBookerComingBackForTheLockQueuesBehindThoseAlreadyWaiting() {
        Lock held = locks.obtainLock("event-1");
        List<String> order = new CopyOnWriteArrayList<>();
        threads.submit(() -> {
            Lock lock = locks.obtainLock("event-1");
            order.add("waiter");
            lock.release();
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> locks.queued("event-1") == 1);

        held.release();
        Lock again = locks.obtainLock("event-1");
        order.add("came back");
        again.release();

        // a barging lock hands it straight back to the thread that just let it go
        assertThat(order).containsExactly("waiter", "came back");
    }

    @Test
    void aThreadHoldingTheLockTakesItAgainAndKeepsItUntilItReleasesBoth() throws Exception {
        Lock outer = locks.obtainLock("event-1");
        Lock inner = locks.obtainLock("event-1");
        inner.release();

        assertThat(outer.isHeld()).isTrue();
        Future<Boolean> other = threads.submit(() -> {
            Lock lock = locks.obtainLock("event-1");
            lock.release();
            return true;
        });
        assertThat(waitFor(other, 200)).isFalse();
        outer.release();
        assertThat(other.get(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void twoThreadsLockingTheSameTwoEventsInOppositeOrderDoNotWaitForEachOtherForever() throws Exception {
        CountDownLatch bothHoldOne = new CountDownLatch(2);
        Future<String> first = threads.submit(() -> lockBoth("event-a", "event-b", bothHoldOne));
        Future<String> second = threads.submit(() -> lockBoth("event-b", "event-a", bothHoldOne));

        List<String> outcomes = List.of(first.get(5, TimeUnit.SECONDS), second.get(5, TimeUnit.SECONDS));

        assertThat(outcomes).contains("gave way");
        // nothing is left locked
        assertThat(threads.submit(() -> lockBoth("event-b", "event-a", new CountDownLatch(0)))
                        .get(5, TimeUnit.SECONDS))
                .isEqualTo("locked both");
    }

    private String lockBoth(String first, String second, CountDownLatch bothHoldOne) throws InterruptedException {
        Lock a = locks.obtainLock(first);
        try {
            bothHoldOne.countDown();
            bothHoldOne.await();
            Lock b = locks.obtainLock(second);
            b.release();
            return "locked both";
        } catch (DeadlockException e) {
            return "gave way";
        } finally {
            a.release();
        }
    }

    private static boolean waitFor(Future<?> future, long millis) {
        try {
            future.get(millis, TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
