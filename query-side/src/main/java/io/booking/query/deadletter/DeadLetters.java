package io.booking.query.deadletter;

import io.booking.query.eventstore.ProcessorFailures;
import io.booking.query.web.NotFoundException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.Nullable;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * The events each processor parked in its dead-letter queue (Axon's, see query-side.yml), grouped by sequence: one
 * booking's, one event listing's. An admin retries a sequence once its cause is mended (its events are handled again
 * in order, one at a time, and leave the queue when they succeed) or evicts it (the read model goes on without them).
 */
@Component
public class DeadLetters {

    private final EventProcessingConfiguration processing;
    private final ProcessorFailures failures;

    DeadLetters(EventProcessingConfiguration processing, ProcessorFailures failures) {
        this.processing = processing;
        this.failures = failures;
    }

    /** {@code booking.processor.parked}: per processor, the events in its dead-letter queue (read when the metric is). */
    @EventListener(ApplicationReadyEvent.class)
    void registerMetrics(ApplicationReadyEvent ready) {
        MeterRegistry registry = ready.getApplicationContext().getBean(MeterRegistry.class);
        processorNames()
                .forEach(name -> Gauge.builder(
                                "booking.processor.parked", () -> queueOf(name).size())
                        .tag("processor", name)
                        .description("events parked in this processor's dead-letter queue")
                        .register(registry));
    }

    /** @param processor the processor (or null: every processor), @param limit sequences at most */
    public List<ParkedSequence> parked(String processor, int limit) {
        List<ParkedSequence> sequences = new ArrayList<>();
        for (String name : processor == null ? processorNames() : List.of(processor)) {
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence :
                    queueOf(name).deadLetters()) {
                if (sequences.size() >= limit) {
                    return sequences;
                }
                List<ParkedEvent> events = StreamSupport.stream(sequence.spliterator(), false)
                        .map(ParkedEvent::of)
                        .toList();
                if (!events.isEmpty()) {
                    sequences.add(new ParkedSequence(
                            name, sequenceOf(name, sequence.iterator().next()), events));
                }
            }
        }
        return sequences;
    }

    /** Handles the sequence's events again; what is still parked afterwards (empty when all succeeded). */
    public List<ParkedEvent> retry(String processor, String sequence) {
        List<DeadLetter<? extends EventMessage<?>>> letters = lettersOf(processor, sequence);
        List<String> eventIds =
                letters.stream().map(letter -> letter.message().getIdentifier()).toList();
        SequencedDeadLetterProcessor<EventMessage<?>> letterProcessor = processing
                .sequencedDeadLetterProcessor(processor)
                .orElseThrow(() -> new NotFoundException("No processor " + processor + " parks events."));
        failures.suspect(processor, eventIds); // handled one at a time, so that a failure leaves the rest committed
        try {
            letterProcessor.process(letter -> sequence.equals(sequenceOf(processor, letter)));
        } finally {
            failures.clear(processor, eventIds);
        }
        return StreamSupport.stream(
                        queueOf(processor).deadLetterSequence(sequence).spliterator(), false)
                .map(ParkedEvent::of)
                .toList();
    }

    /** Removes the sequence's events from the queue for good: the read model goes on without them. */
    public int evict(String processor, String sequence) {
        List<DeadLetter<? extends EventMessage<?>>> letters = lettersOf(processor, sequence);
        SequencedDeadLetterQueue<EventMessage<?>> queue = queueOf(processor);
        letters.forEach(queue::evict);
        return letters.size();
    }

    private List<DeadLetter<? extends EventMessage<?>>> lettersOf(String processor, String sequence) {
        List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
        queueOf(processor).deadLetterSequence(sequence).forEach(letters::add);
        if (letters.isEmpty()) {
            throw new NotFoundException("No events of sequence " + sequence + " are parked by " + processor + ".");
        }
        return letters;
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queueOf(String processor) {
        return processing
                .deadLetterQueue(processor)
                .orElseThrow(() -> new NotFoundException("No processor " + processor + " parks events."));
    }

    private List<String> processorNames() {
        return processing.eventProcessors().keySet().stream()
                .filter(name -> processing.deadLetterQueue(name).isPresent())
                .sorted()
                .toList();
    }

    private String sequenceOf(String processor, DeadLetter<? extends EventMessage<?>> letter) {
        Object sequence = processing.sequencingPolicy(processor).getSequenceIdentifierFor(letter.message());
        return sequence == null ? letter.message().getIdentifier() : sequence.toString();
    }

    public record ParkedSequence(String processor, String sequence, List<ParkedEvent> events) {}

    /**
     * One parked event: what it is and why it was parked (the failure's type and SQLState; never its message or the
     * event's content, which may hold personal data).
     */
    public record ParkedEvent(
            String eventId,
            String eventType,
            @Nullable String aggregateId,
            @Nullable Long aggregateSequenceNumber,
            Instant occurredAt,
            Instant parkedAt,
            @Nullable Instant lastTriedAt,
            String cause) {

        static ParkedEvent of(DeadLetter<? extends EventMessage<?>> letter) {
            EventMessage<?> event = letter.message();
            DomainEventMessage<?> domain = event instanceof DomainEventMessage<?> d ? d : null;
            return new ParkedEvent(
                    event.getIdentifier(),
                    event.getPayloadType().getSimpleName(),
                    domain == null ? null : domain.getAggregateIdentifier(),
                    domain == null ? null : domain.getSequenceNumber(),
                    event.getTimestamp(),
                    letter.enqueuedAt(),
                    letter.lastTouched(),
                    letter.cause().map(cause -> cause.message()).orElse(null));
        }
    }
}
