package io.booking.query.eventstore;

import org.axonframework.eventhandling.ErrorContext;
import org.axonframework.eventhandling.ErrorHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each processor last failed a batch. A failed batch is rolled back and tried again, and its segment is given up
 * meanwhile, so the processor's own status shows no error: an event no handler can project would stop it for good
 * while health said UP. Only the moment is kept, never the error's message (a database error may quote a row).
 */
@Component
public class ProcessorFailures implements ErrorHandler {

    private final Clock clock = Clock.systemUTC(); // real time, not the business Clock bean that tests move
    private final Map<String, Instant> lastFailure = new ConcurrentHashMap<>();

    @Override
    public void handleError(ErrorContext errorContext) throws Exception {
        lastFailure.put(errorContext.eventProcessor(), clock.instant());
        PropagatingErrorHandler.INSTANCE.handleError(errorContext);
    }

    public Optional<Instant> lastFailureOf(String processor) {
        return Optional.ofNullable(lastFailure.get(processor));
    }

    Instant now() {
        return clock.instant();
    }
}
