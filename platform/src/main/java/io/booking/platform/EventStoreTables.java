package io.booking.platform;

import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;

/**
 * The layout of Axon's JDBC tables as the command side's migration V1 creates them (snake_case). The command side
 * writes {@code command.domain_event_entry}; the query side reads it, so both take the layout from here.
 */
public final class EventStoreTables {

    private EventStoreTables() {}

    /** @param schema the schema holding the event tables, or empty for the connection's own */
    public static EventSchema events(String schema) {
        String prefix = schema.isEmpty() ? "" : schema + ".";
        return EventSchema.builder()
                .eventTable(prefix + "domain_event_entry")
                .snapshotTable(prefix + "snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    /** Each side keeps its processors' tokens in a {@code token_entry} table of its own schema. */
    public static TokenSchema tokens(String table) {
        return TokenSchema.builder()
                .setTokenTable(table)
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }
}
