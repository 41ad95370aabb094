package io.booking.query.eventstore;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Axon (without Axon Server) has no health indicator for its processors: DOWN when one is stopped, in error, or failed
 * a batch and has not caught up since (see {@link ProcessorFailures}). Events parked in a processor's
 * dead-letter queue do not make it DOWN (it goes on with every other sequence): their number is in the details.
 */
public class EventProcessorsHealthIndicator extends AbstractHealthIndicator {

    private final EventProcessingConfiguration processing;
    private final ProcessorFailures failures;
    private final JdbcTemplate deadLetters;
    private final String deadLetterTable;

    /**
     * @param healthConnections the parked events are counted through a connection of the health checks' own: a busy
     *     pool must not make the processors look DOWN
     */
    public EventProcessorsHealthIndicator(
            EventProcessingConfiguration processing,
            ProcessorFailures failures,
            DataSource healthConnections,
            String deadLetterTable) {
        this.processing = processing;
        this.failures = failures;
        this.deadLetters = new JdbcTemplate(healthConnections);
        this.deadLetterTable = deadLetterTable;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean healthy = true;
        Map<String, Object> details = new LinkedHashMap<>();
        Map<String, Long> parked = new HashMap<>();
        deadLetters.query(
                "select processing_group, count(*) from " + deadLetterTable + " group by processing_group", rs -> {
                    parked.put(rs.getString(1), rs.getLong(2));
                });
        for (StreamingEventProcessor processor : processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .toList()) {
            List<Map<String, Object>> segments = processor.processingStatus().values().stream()
                    .map(EventProcessorsHealthIndicator::segment)
                    .toList();
            boolean segmentError =
                    processor.processingStatus().values().stream().anyMatch(EventTrackerStatus::isErrorState);
            if (!segments.isEmpty()
                    && !segmentError
                    && processor.processingStatus().values().stream().allMatch(EventTrackerStatus::isCaughtUp)) {
                failures.recovered(processor.getName());
            }
            Optional<Instant> lastFailure = failures.lastFailureOf(processor.getName());
            boolean failing = failures.failing(processor.getName());
            healthy &= processor.isRunning() && !processor.isError() && !segmentError && !failing;
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("running", processor.isRunning());
            detail.put("error", processor.isError() || segmentError || failing);
            lastFailure.ifPresent(at -> detail.put("lastFailedBatchAt", at.toString()));
            if (processing.deadLetterQueue(processor.getName()).isPresent()) {
                detail.put("parked", parked.getOrDefault(processor.getName(), 0L));
            }
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
