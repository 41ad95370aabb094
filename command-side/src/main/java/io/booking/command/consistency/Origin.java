package io.booking.command.consistency;

import org.axonframework.messaging.MetaData;

import java.util.Map;

/**
 * Who asked for a change and in which request. Bookings of one event are handled together in one unit of work, so
 * each booking's events carry their own origin rather than that of the batch.
 *
 * @param actor     as in event metadata, e.g. {@code customer:5f0c...}
 * @param requestId the id of the request: the correlation and causation of the events it produced
 */
public record Origin(String actor, String requestId) {

    public MetaData asMetaData() {
        return MetaData.from(Map.of(Metadata.ACTOR, actor, Metadata.CORRELATION_ID, requestId,
                Metadata.CAUSATION_ID, requestId));
    }
}
