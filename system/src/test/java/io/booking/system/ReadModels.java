package io.booking.system;

import io.booking.testsupport.TestDatabase;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The query side's tables as reports and replays see them. */
final class ReadModels {

    private ReadModels() {}

    /** Per event, as reports count them: bookings, tickets, cancelled tickets. */
    static Map<String, List<Long>> countsPerEvent(TestDatabase database) throws Exception {
        Map<String, List<Long>> counts = new TreeMap<>();
        try (Connection c = database.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                     select t.event_id,
                            (select count(*) from query.booking b where b.event_id = t.event_id),
                            count(*),
                            count(*) filter (where t.status = 'CANCELLED')
                     from query.booking_ticket t group by t.event_id""")) {
            while (rs.next()) {
                counts.put(rs.getString(1), List.of(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
            }
        }
        return counts;
    }

    /** Every projection of the query side forgets its position and is rebuilt from the store. */
    static void rebuildEveryProjection(BookingSystem system) {
        EventProcessingConfiguration processing = system.querySide().getBean(EventProcessingConfiguration.class);
        processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .forEach(processor -> {
                    processor.shutDown();
                    processor.resetTokens();
                    processor.start();
                });
    }
}
