package io.booking.system;

import io.booking.testsupport.TestDatabase;

import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/** A client's retries while nodes come and go, and what the store says was sold: for the tests that move nodes. */
final class SaleChecks {

    private SaleChecks() {}

    /** Sends the same booking again, as a client does, while the answer is lost or a node is away. */
    static Api.Answer bookUntilAnswered(
            Api api, String customer, String bookingId, String eventId, Map<String, String> ticketTypeOf) {
        for (int attempt = 0; attempt < 40; attempt++) {
            try {
                Api.Answer answer = api.book(customer, bookingId, eventId, ticketTypeOf.get(eventId), "Attendee");
                if (answer.status() < 500) {
                    return answer;
                }
            } catch (UncheckedIOException lost) {
                // no answer: the booking may or may not be stored; the same bookingId tells
            }
            LockSupport.parkNanos(Duration.ofMillis(250).toNanos()); // a client's pause before it tries again
        }
        throw new AssertionError("booking " + bookingId + " never answered");
    }

    /** Each booking's creation in the store, counted per event: a booking stored twice would count twice. */
    static Map<String, Long> storedBookings(TestDatabase database, Set<String> bookingIds) throws Exception {
        Map<String, Long> perEvent = new HashMap<>();
        try (Connection connection = database.connect();
                PreparedStatement created = connection.prepareStatement("""
                        select convert_from(payload, 'UTF8')::jsonb ->> 'occurrenceId', count(*)
                        from command.domain_event_entry
                        where aggregate_identifier = any(?) and sequence_number = 0
                        group by 1""")) {
            created.setArray(1, connection.createArrayOf("varchar", bookingIds.toArray()));
            try (ResultSet rows = created.executeQuery()) {
                while (rows.next()) {
                    perEvent.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return perEvent;
    }

    /** The seats the event's own stream says are taken: what its aggregate decides the next sale with. */
    static long seatsTakenInStore(TestDatabase database, String eventId) throws Exception {
        try (Connection connection = database.connect();
                PreparedStatement reserved = connection.prepareStatement("""
                        select coalesce(sum((convert_from(payload, 'UTF8')::jsonb ->> 'quantity')::int), 0)
                        from command.domain_event_entry
                        where aggregate_identifier = ? and payload_type like '%SeatsReserved'""")) {
            reserved.setString(1, eventId);
            try (ResultSet rows = reserved.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
