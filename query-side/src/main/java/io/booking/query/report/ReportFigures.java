package io.booking.query.report;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps the report figures (see the report_* tables) as each event changes them: the bookings projection tells what an
 * event changed in a booking's figures, and a batch of events adds up its changes and writes them in four statements
 * when it commits ({@link #write()}), as the last thing it does. Changes add to what other transactions wrote, so
 * segments that change one event's row at once both count; rows are written in key order, which spares deadlocks.
 */
@Component
public class ReportFigures {

    private static final String PENDING = ReportFigures.class.getName() + ".pending";

    private final JdbcTemplate jdbc;

    ReportFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What an event that happened {@code at} changed in one booking's figures. */
    public void changed(Instant at, BookingFigures before, BookingFigures after) {
        Changes changes = CurrentUnitOfWork.isStarted()
                ? CurrentUnitOfWork.get().root().getOrComputeResource(PENDING, key -> new Changes())
                : new Changes();
        changes.add(LocalDate.ofInstant(at, ZoneOffset.UTC), before, after);
        if (!CurrentUnitOfWork.isStarted()) {
            write(changes);
        }
    }

    /** Writes the changes of this unit of work's events so far. */
    public void write() {
        if (CurrentUnitOfWork.isStarted()) {
            Changes changes = CurrentUnitOfWork.get().root().getResource(PENDING);
            if (changes != null) {
                write(changes);
                changes.clear();
            }
        }
    }

    private void write(Changes changes) {
        Map<String, long[]> events = new TreeMap<>();
        changes.eventDays.forEach((key, delta) -> add(events.computeIfAbsent(key.eventId(), id -> new long[3]), delta));
        Map<TypeKey, long[]> types = new TreeMap<>();
        changes.typeDays.forEach((key, delta) -> add(types.computeIfAbsent(new TypeKey(key.eventId(),
                key.ticketTypeId(), ""), id -> new long[4]), delta));
        upsert("report_event", List.of("event_id"), List.of("bookings", "deleted_customers", "guest_bookings"),
                events.entrySet().stream().map(e -> row(e.getValue(), e.getKey())).toList());
        upsert("report_event_day", List.of("event_id", "day"), List.of("bookings", "deleted_customers", "guest_bookings"),
                changes.eventDays.entrySet().stream()
                        .map(e -> row(e.getValue(), e.getKey().eventId(), e.getKey().day())).toList());
        List<String> ticketFigures = List.of("tickets_booked", "tickets_cancelled", "attended", "no_shows");
        upsert("report_ticket_type", List.of("event_id", "ticket_type_id"), ticketFigures, types.entrySet().stream()
                .map(e -> row(e.getValue(), e.getKey().eventId(), e.getKey().ticketTypeId())).toList());
        upsert("report_ticket_type_day", List.of("event_id", "ticket_type_id", "day"), ticketFigures,
                changes.typeDays.entrySet().stream().map(e -> row(e.getValue(), e.getKey().eventId(),
                        e.getKey().ticketTypeId(), e.getKey().day())).toList());
    }

    /** One statement for all rows of a table, in key order; rows whose changes cancel out are left alone. */
    private void upsert(String table, List<String> keys, List<String> figures, List<Object[]> rows) {
        List<Object[]> changed = rows.stream().filter(ReportFigures::changesSomething).toList();
        if (changed.isEmpty()) {
            return;
        }
        List<String> columns = new java.util.ArrayList<>(keys);
        columns.addAll(figures);
        String casts = String.join(", ", columns.stream()
                .map(c -> "?::" + (figures.contains(c) ? "bigint[]" : "text[]")).toList());
        String select = String.join(", ", columns.stream()
                .map(c -> c.equals("day") ? "day::date" : c).toList());
        String updates = String.join(", ", figures.stream()
                .map(f -> f + " = " + table + "." + f + " + excluded." + f).toList());
        jdbc.update("insert into " + table + " (" + String.join(", ", columns) + ") select " + select
                + " from unnest(" + casts + ") as r(" + String.join(", ", columns) + ") order by "
                + String.join(", ", keys) + " on conflict (" + String.join(", ", keys) + ") do update set " + updates,
                ps -> {
                    for (int c = 0; c < columns.size(); c++) {
                        Object[] values = new Object[changed.size()];
                        for (int r = 0; r < changed.size(); r++) {
                            values[r] = changed.get(r)[c];
                        }
                        ps.setArray(c + 1, ps.getConnection().createArrayOf(
                                figures.contains(columns.get(c)) ? "bigint" : "text", values));
                    }
                });
    }

    /** Key values (as text) then figures. */
    private static Object[] row(long[] figures, String... keys) {
        Object[] row = new Object[keys.length + figures.length];
        System.arraycopy(keys, 0, row, 0, keys.length);
        for (int i = 0; i < figures.length; i++) {
            row[keys.length + i] = figures[i];
        }
        return row;
    }

    private static boolean changesSomething(Object[] row) {
        for (Object value : row) {
            if (value instanceof Long figure && figure != 0) {
                return true;
            }
        }
        return false;
    }

    private static void add(long[] into, long[] delta) {
        for (int i = 0; i < into.length; i++) {
            into[i] += delta[i];
        }
    }

    private record EventDay(String eventId, String day) implements Comparable<EventDay> {
        @Override
        public int compareTo(EventDay other) {
            int byEvent = eventId.compareTo(other.eventId);
            return byEvent != 0 ? byEvent : day.compareTo(other.day);
        }
    }

    private record TypeKey(String eventId, String ticketTypeId, String day) implements Comparable<TypeKey> {
        @Override
        public int compareTo(TypeKey other) {
            int byEvent = eventId.compareTo(other.eventId);
            int byType = byEvent != 0 ? byEvent : ticketTypeId.compareTo(other.ticketTypeId);
            return byType != 0 ? byType : day.compareTo(other.day);
        }
    }

    /** Changes per event and day, and per ticket type and day, in key order. */
    private static final class Changes {
        final Map<EventDay, long[]> eventDays = new TreeMap<>();
        final Map<TypeKey, long[]> typeDays = new TreeMap<>();

        void add(LocalDate date, BookingFigures before, BookingFigures after) {
            String day = date.toString();
            after.perEvent().forEach((event, figures) -> ReportFigures.add(
                    eventDays.computeIfAbsent(new EventDay(event, day), key -> new long[3]), figures));
            before.perEvent().forEach((event, figures) -> subtract(
                    eventDays.computeIfAbsent(new EventDay(event, day), key -> new long[3]), figures));
            after.perTicketType().forEach((type, figures) -> ReportFigures.add(typeDays.computeIfAbsent(
                    new TypeKey(type.eventId(), type.ticketTypeId(), day), key -> new long[4]), figures));
            before.perTicketType().forEach((type, figures) -> subtract(typeDays.computeIfAbsent(
                    new TypeKey(type.eventId(), type.ticketTypeId(), day), key -> new long[4]), figures));
        }

        void clear() {
            eventDays.clear();
            typeDays.clear();
        }

        private static void subtract(long[] into, long[] figures) {
            for (int i = 0; i < into.length; i++) {
                into[i] -= figures[i];
            }
        }
    }
}
