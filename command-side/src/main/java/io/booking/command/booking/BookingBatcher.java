package io.booking.command.booking;

import io.booking.command.consistency.CommandDispatcher;
import io.booking.command.consistency.Origin;
import io.booking.command.security.Actor;
import jakarta.annotation.PreDestroy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Group commit for bookings of the same event. Every booking of an event passes through that event's aggregate, so
 * during an on-sale rush they queue behind one lock and pay one transaction each. Here the bookings that arrive while
 * a batch is being stored wait in the event's lane and go together in the next unit of work: one lock, one commit,
 * each booking with its own answer. A lone booking goes alone, without waiting for company.
 */
@Component
public class BookingBatcher {

    private final CommandDispatcher dispatcher;
    private final int maxBatch;
    private final Duration timeout;
    private final ExecutorService workers;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

    public BookingBatcher(CommandDispatcher dispatcher,
                          @Value("${booking.batching.max-batch:64}") int maxBatch,
                          @Value("${booking.batching.workers:8}") int workers,
                          @Value("${booking.batching.timeout:PT30S}") Duration timeout) {
        this.dispatcher = dispatcher;
        this.maxBatch = maxBatch;
        this.timeout = timeout;
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(workers, r -> {
            Thread thread = new Thread(r, "booking-batch-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Books and waits for the answer; a refusal comes back as an outcome, an unexpected failure as an exception. */
    public Booked book(BookTickets booking, Actor actor) {
        Pending pending = new Pending(new BookTicketsTogether.Request(booking,
                new Origin(actor.asMetaData(), UUID.randomUUID().toString())));
        Lane lane = lanes.computeIfAbsent(booking.occurrenceId(), Lane::new);
        lane.queue.add(pending);
        schedule(lane);
        try {
            return pending.answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the booking was not stored within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while booking", e);
        }
    }

    private void schedule(Lane lane) {
        if (lane.scheduled.compareAndSet(false, true)) {
            workers.execute(() -> drain(lane));
        }
    }

    private void drain(Lane lane) {
        // a few batches per turn, then the lane goes to the back, so one hot event does not starve the others
        for (int turn = 0; turn < 4; turn++) {
            List<Pending> batch = new ArrayList<>();
            for (Pending p; batch.size() < maxBatch && (p = lane.queue.poll()) != null; ) {
                batch.add(p);
            }
            if (batch.isEmpty()) {
                break;
            }
            store(lane.occurrenceId, batch);
        }
        lane.scheduled.set(false);
        if (!lane.queue.isEmpty()) {
            schedule(lane);
        } else {
            lanes.remove(lane.occurrenceId, lane);
            if (!lane.queue.isEmpty()) {
                schedule(lane);
            }
        }
    }

    private void store(String occurrenceId, List<Pending> batch) {
        try {
            CommandDispatcher.Dispatched<List<BookingOutcome>> stored = dispatcher.send(
                    new BookTicketsTogether(occurrenceId, batch.stream().map(p -> p.request).toList()), Actor.SYSTEM);
            for (int i = 0; i < batch.size(); i++) {
                BookingOutcome outcome = stored.result().get(i);
                batch.get(i).answer.complete(new Booked(outcome, positionOf(outcome, stored)));
            }
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.get(0).answer.completeExceptionally(e);
            } else {
                // one request must not fail the others: each goes again on its own
                batch.forEach(p -> store(occurrenceId, List.of(p)));
            }
        }
    }

    private OptionalLong positionOf(BookingOutcome outcome, CommandDispatcher.Dispatched<?> stored) {
        if (!outcome.booked()) {
            return OptionalLong.empty();
        }
        Long position = stored.positions().get(outcome.bookingId());
        return position != null ? OptionalLong.of(position) : dispatcher.latestPositionOf(outcome.bookingId());
    }

    @PreDestroy
    void stop() {
        workers.shutdown();
    }

    /** The answer to one booking request, and where its booking landed in the store. */
    public record Booked(BookingOutcome outcome, OptionalLong position) {
    }

    private record Pending(BookTicketsTogether.Request request, CompletableFuture<Booked> answer) {

        Pending(BookTicketsTogether.Request request) {
            this(request, new CompletableFuture<>());
        }
    }

    private static final class Lane {
        final String occurrenceId;
        final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
        final AtomicBoolean scheduled = new AtomicBoolean();

        Lane(String occurrenceId) {
            this.occurrenceId = occurrenceId;
        }
    }
}
