package io.booking.query.consistency;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.GenericTokenEntry;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Answers whether every streaming processor of this app has processed an event store position.
 * <p>
 * The token store knows every segment, also those claimed by other instances. A segment claimed here is judged by
 * its in-memory status instead: it advances once a batch has committed, and also past events the processor does not
 * handle, whose stored token Axon only writes at its next claim extension (seconds later).
 */
@Component
public class ProcessorPositions {

    private final EventProcessingConfiguration processing;
    private final NamedParameterJdbcTemplate jdbc;
    private final Serializer serializer;
    private final String selectTokens;
    private final String selectNewest;

    public ProcessorPositions(
            EventProcessingConfiguration processing,
            NamedParameterJdbcTemplate jdbc,
            Serializer serializer,
            TokenSchema schema,
            EventSchema events) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.selectTokens = "select "
                + String.join(
                        ", ",
                        schema.processorNameColumn(),
                        schema.segmentColumn(),
                        schema.tokenColumn(),
                        schema.tokenTypeColumn())
                + " from " + schema.tokenTable()
                + " where " + schema.processorNameColumn() + " in (:names)";
        this.selectNewest = "select max(" + events.globalIndexColumn() + ") from " + events.domainEventTable();
    }

    /** The position of the newest event in the store: no command has answered a token beyond it. */
    public long newest() {
        Long newest = jdbc.getJdbcTemplate().queryForObject(selectNewest, Long.class);
        return newest == null ? 0 : newest;
    }

    /**
     * @param groups the processing groups asked about; empty for every streaming processor
     * @throws IllegalStateException when a group asked about has no streaming processor (a misnamed declaration)
     */
    public boolean reached(long position, Set<String> groups) {
        Map<String, StreamingEventProcessor> processors = streamingProcessors(groups);
        if (processors.values().stream().allMatch(p -> coveredHere(p, position))) {
            return true;
        }
        List<StoredSegment> segments = jdbc.query(
                selectTokens,
                Map.of("names", processors.keySet()),
                (rs, i) -> new StoredSegment(rs.getString(1), rs.getInt(2), rs.getBytes(3), rs.getString(4)));
        for (String name : processors.keySet()) {
            if (segments.stream().noneMatch(segment -> segment.processor().equals(name))) {
                return false; // not initialised yet
            }
        }
        return segments.stream()
                .allMatch(segment -> covers(tokenOf(segment, processors.get(segment.processor())), position));
    }

    /**
     * Whether this instance claims every segment of the processor and each has processed the position: then the token
     * store need not be asked (the common case of one query-side instance, polled every few ms while a query waits).
     */
    private static boolean coveredHere(StreamingEventProcessor processor, long position) {
        double share = 0;
        for (EventTrackerStatus status : processor.processingStatus().values()) {
            if (status.isErrorState() || !covers(status.getTrackingToken(), position)) {
                return false;
            }
            share += 1.0 / (status.getSegment().getMask() + 1);
        }
        return share > 0.999;
    }

    private TrackingToken tokenOf(StoredSegment stored, StreamingEventProcessor processor) {
        EventTrackerStatus local = processor.processingStatus().get(stored.segment());
        if (local != null && !local.isErrorState()) {
            return local.getTrackingToken();
        }
        if (stored.token() == null) {
            return null;
        }
        return new GenericTokenEntry<>(
                        stored.token(),
                        stored.tokenType(),
                        null,
                        null,
                        stored.processor(),
                        stored.segment(),
                        byte[].class)
                .getToken(serializer);
    }

    /** A position is covered when the token is past it and it is not one of the token's gaps (a pending commit). */
    static boolean covers(TrackingToken token, long position) {
        if (token == null) {
            return false;
        }
        if (WrappedToken.unwrapLowerBound(token) instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= position && !gapAware.getGaps().contains(position);
        }
        return token.position().orElse(-1) >= position;
    }

    private Map<String, StreamingEventProcessor> streamingProcessors(Set<String> groups) {
        Map<String, StreamingEventProcessor> processors = processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .filter(processor -> groups.isEmpty() || groups.contains(processor.getName()))
                .collect(Collectors.toMap(StreamingEventProcessor::getName, p -> p));
        if (processors.size() < groups.size()) {
            throw new IllegalStateException("No streaming processor for each of " + groups);
        }
        return processors;
    }

    private record StoredSegment(String processor, int segment, byte[] token, String tokenType) {}
}
