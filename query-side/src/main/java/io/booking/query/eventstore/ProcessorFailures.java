package io.booking.query.eventstore;

import io.booking.platform.DatabaseUnavailable;
import org.axonframework.eventhandling.ErrorContext;
import org.axonframework.eventhandling.ErrorHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each processor last failed a batch, and last was seen well since. A failed batch is rolled back and tried again,
 * and its segment is given up meanwhile, so the processor's own status shows no error: health counts it as failing
 * until it has been seen with its segments caught up again. Only the moment is kept, never the error's message (a
 * database error may quote a row).
 * <p>
 * A batch that failed while the database was there holds an event its projection cannot store: its events become
 * suspects, handled one at a time when the batch is tried again ({@link OneEventAtATime}), so that the culprit alone
 * goes to the dead-letter queue.
 */
@Component
public class ProcessorFailures implements ErrorHandler {

    /** Suspects beyond this many (a few failed batches' worth) are not kept: those batches fail once more instead. */
    private static final int MAX_SUSPECTS = 10_000;

    private final Clock clock = Clock.systemUTC(); // real time, not the business Clock bean that tests move
    private final Map<String, Instant> lastFailure = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastRecovery = new ConcurrentHashMap<>();
    private final Set<String> suspects = ConcurrentHashMap.newKeySet();

    @Override
    public void handleError(ErrorContext errorContext) throws Exception {
        String processor = errorContext.eventProcessor();
        lastFailure.put(processor, clock.instant());
        if (!DatabaseUnavailable.causes(errorContext.error()) && suspects.size() < MAX_SUSPECTS) {
            errorContext.failedEvents().forEach(event -> suspects.add(key(processor, event.getIdentifier())));
        }
        PropagatingErrorHandler.INSTANCE.handleError(errorContext);
    }

    public Optional<Instant> lastFailureOf(String processor) {
        return Optional.ofNullable(lastFailure.get(processor));
    }

    /** Whether the processor failed a batch and has not been {@link #recovered} since. */
    public boolean failing(String processor) {
        Instant failed = lastFailure.get(processor);
        Instant recovered = lastRecovery.get(processor);
        return failed != null && (recovered == null || recovered.isBefore(failed));
    }

    /** The processor was seen with the segments it holds here caught up and none in error. */
    void recovered(String processor) {
        if (lastFailure.containsKey(processor)) {
            lastRecovery.put(processor, clock.instant());
        }
    }

    /** The events are handled one at a time until {@link #clear}ed. */
    public void suspect(String processor, Collection<String> eventIds) {
        eventIds.forEach(id -> suspects.add(key(processor, id)));
    }

    public void clear(String processor, Collection<String> eventIds) {
        eventIds.forEach(id -> suspects.remove(key(processor, id)));
    }

    boolean isSuspect(String processor, EventMessage<?> event) {
        return !suspects.isEmpty() && suspects.contains(key(processor, event.getIdentifier()));
    }

    /** For every processor: an event's batch that commits clears the event of suspicion. */
    MessageHandlerInterceptor<EventMessage<?>> clearingSuspects(String processor) {
        return (unitOfWork, chain) -> {
            if (!suspects.isEmpty()) {
                String suspect = key(processor, unitOfWork.getMessage().getIdentifier());
                unitOfWork.root().afterCommit(batch -> suspects.remove(suspect));
            }
            return chain.proceed();
        };
    }

    private static String key(String processor, String eventId) {
        return processor + "/" + eventId;
    }
}
