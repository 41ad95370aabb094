package io.booking.query.eventstore;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.OptionalLong;

/**
 * {@code booking.processor.lag}: per processor, how many positions of the event store its segments claimed here are
 * behind the newest event (0 when caught up; NaN when this instance claims none of them). Axon's own message monitors
 * are off (they cost the rush 8-12 % CPU); this is read only when the metric is.
 */
@Component
public class ProcessorLagMetrics {

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final MeterRegistry registry;

    public ProcessorLagMetrics(EventProcessingConfiguration processing, JdbcTemplate jdbc, MeterRegistry registry) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.registry = registry;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .forEach(processor -> Gauge.builder("booking.processor.lag", processor, this::lagOf)
                        .tag("processor", processor.getName())
                        .description(
                                "event store positions between the newest event and this processor's slowest segment here")
                        .register(registry));
    }

    private double lagOf(StreamingEventProcessor processor) {
        OptionalLong slowest = processor.processingStatus().values().stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .mapToLong(position -> position.orElse(-1))
                .min();
        if (slowest.isEmpty()) {
            return Double.NaN;
        }
        Long head = jdbc.queryForObject(
                "select coalesce(max(global_index), -1) from command.domain_event_entry", Long.class);
        return Math.max(0, head - slowest.getAsLong());
    }
}
