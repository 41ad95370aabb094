package io.booking.query.eventstore;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Axon (without Axon Server) has no health indicator for its processors: DOWN when one is stopped, in error, or failed
 * a batch within the last minute (see {@link ProcessorFailures}).
 */
@Component("eventProcessors")
public class EventProcessorsHealthIndicator extends AbstractHealthIndicator {

    /** How long after a failed batch the processor counts as failing (it retries with growing pauses meanwhile). */
    private static final Duration FAILING_FOR = Duration.ofMinutes(1);

    private final EventProcessingConfiguration processing;
    private final ProcessorFailures failures;

    public EventProcessorsHealthIndicator(EventProcessingConfiguration processing, ProcessorFailures failures) {
        this.processing = processing;
        this.failures = failures;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean healthy = true;
        Map<String, Object> details = new LinkedHashMap<>();
        for (StreamingEventProcessor processor : processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList()) {
            List<Map<String, Object>> segments = processor.processingStatus().values().stream()
                    .map(EventProcessorsHealthIndicator::segment).toList();
            boolean segmentError = processor.processingStatus().values().stream().anyMatch(EventTrackerStatus::isErrorState);
            Optional<Instant> lastFailure = failures.lastFailureOf(processor.getName());
            boolean failing = lastFailure.isPresent() && lastFailure.get().isAfter(failures.now().minus(FAILING_FOR));
            healthy &= processor.isRunning() && !processor.isError() && !segmentError && !failing;
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("running", processor.isRunning());
            detail.put("error", processor.isError() || segmentError || failing);
            lastFailure.ifPresent(at -> detail.put("lastFailedBatchAt", at.toString()));
            detail.put("segments", segments);
            details.put(processor.getName(), detail);
        }
        builder.status(healthy ? "UP" : "DOWN").withDetails(details);
    }

    private static Map<String, Object> segment(EventTrackerStatus status) {
        Map<String, Object> segment = new LinkedHashMap<>();
        segment.put("segment", status.getSegment().getSegmentId());
        segment.put("caughtUp", status.isCaughtUp());
        segment.put("replaying", status.isReplaying());
        status.getCurrentPosition().ifPresent(position -> segment.put("position", position));
        segment.put("error", status.isErrorState());
        return segment;
    }
}
