package io.booking.query.eventstore;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Axon (without Axon Server) has no health indicator for its processors: DOWN when one is stopped or failing. */
@Component("eventProcessors")
public class EventProcessorsHealthIndicator extends AbstractHealthIndicator {

    private final EventProcessingConfiguration processing;

    public EventProcessorsHealthIndicator(EventProcessingConfiguration processing) {
        this.processing = processing;
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
            healthy &= processor.isRunning() && !processor.isError() && !segmentError;
            details.put(processor.getName(), Map.of(
                    "running", processor.isRunning(),
                    "error", processor.isError() || segmentError,
                    "segments", segments));
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
