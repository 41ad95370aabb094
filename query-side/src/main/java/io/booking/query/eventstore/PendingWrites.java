package io.booking.query.eventstore;

import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows the handlers of a batch keep in memory to write together before it commits ({@link BatchedWrites}, the report
 * figures). Registered with the batch's unit of work, so that an event handled on its own ({@link OneEventAtATime})
 * can have them written, or forgotten when its handling is rolled back.
 */
public interface PendingWrites {

    /** Writes what is pending now; whether there was anything. */
    boolean writePending();

    /** Forgets what is pending: the handling that put it was rolled back. */
    void dropPending();

    static void register(UnitOfWork<?> batch, PendingWrites writes) {
        all(batch).add(writes);
    }

    /** Writes until nothing is pending: writing one kind of row may add to another (a new booking to its report). */
    static void writeAll(UnitOfWork<?> batch) {
        boolean wrote;
        do {
            wrote = false;
            for (PendingWrites writes : List.copyOf(all(batch))) {
                wrote |= writes.writePending();
            }
        } while (wrote);
    }

    static void dropAll(UnitOfWork<?> batch) {
        all(batch).forEach(PendingWrites::dropPending);
    }

    private static List<PendingWrites> all(UnitOfWork<?> batch) {
        return batch.root().getOrComputeResource(PendingWrites.class.getName(), key -> new ArrayList<>());
    }
}
