package io.booking.query.report;

import io.booking.query.eventstore.PendingWrites;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
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
    private static final List<String> EVENT_FIGURES = List.of("bookings", "deleted_customers", "guest_bookings");
    private static final List<String> TICKET_FIGURES =
            List.of("tickets_booked", "tickets_cancelled", "attended", "no_shows");
    private static final Comparator<List<String>> KEY_ORDER = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int order = a.get(i).compareTo(b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    private final JdbcTemplate jdbc;

    ReportFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What an event that happened {@code at} changed in one booking's figures. */
    public void changed(Instant at, BookingFigures before, BookingFigures after) {
        Changes changes =
                CurrentUnitOfWork.isStarted() ? pending(CurrentUnitOfWork.get().root()) : new Changes();
        changes.add(LocalDate.ofInstant(at, ZoneOffset.UTC).toString(), before, after);
        if (!CurrentUnitOfWork.isStarted()) {
            write(changes);
        }
    }

    private Changes pending(UnitOfWork<?> batch) {
        Changes pending = batch.getResource(PENDING);
        if (pending == null) {
            pending = new Changes();
            batch.resources().put(PENDING, pending);
            PendingWrites.register(batch, pending);
        }
        return pending;
    }

    /** Writes the changes of this unit of work's events so far. */
    public void write() {
        if (CurrentUnitOfWork.isStarted()) {
            Changes changes = CurrentUnitOfWork.get().root().getResource(PENDING);
            if (changes != null) {
                changes.writePending();
            }
        }
    }

    private void write(Changes changes) {
        upsert("report_event", List.of("event_id"), EVENT_FIGURES, withoutDay(changes.eventDays));
        upsert("report_event_day", List.of("event_id", "day"), EVENT_FIGURES, changes.eventDays);
        upsert(
                "report_ticket_type",
                List.of("event_id", "ticket_type_id"),
                TICKET_FIGURES,
                withoutDay(changes.typeDays));
        upsert(
                "report_ticket_type_day",
                List.of("event_id", "ticket_type_id", "day"),
                TICKET_FIGURES,
                changes.typeDays);
    }

    /** The changes summed over their days (a key's last part). */
    private static Map<List<String>, long[]> withoutDay(Map<List<String>, long[]> perDay) {
        Map<List<String>, long[]> sums = new TreeMap<>(KEY_ORDER);
        perDay.forEach((key, figures) ->
                add(sums.computeIfAbsent(key.subList(0, key.size() - 1), k -> new long[figures.length]), figures, 1));
        return sums;
    }

    /** One statement for all rows of a table, in key order; rows whose changes cancel out are left alone. */
    private void upsert(String table, List<String> keys, List<String> figures, Map<List<String>, long[]> changes) {
        List<Map.Entry<List<String>, long[]>> rows = changes.entrySet().stream()
                .filter(row -> java.util.Arrays.stream(row.getValue()).anyMatch(figure -> figure != 0))
                .toList();
        if (rows.isEmpty()) {
            return;
        }
        List<String> columns = new ArrayList<>(keys);
        columns.addAll(figures);
        jdbc.update(
                "insert into " + table + " (" + String.join(", ", columns) + ") select "
                        + String.join(
                                ", ",
                                columns.stream()
                                        .map(c -> c.equals("day") ? "day::date" : c)
                                        .toList())
                        + " from unnest("
                        + String.join(
                                ", ",
                                columns.stream()
                                        .map(c -> figures.contains(c) ? "?::bigint[]" : "?::text[]")
                                        .toList())
                        + ") as r(" + String.join(", ", columns) + ") order by " + String.join(", ", keys)
                        + " on conflict (" + String.join(", ", keys) + ") do update set "
                        + String.join(
                                ", ",
                                figures.stream()
                                        .map(f -> f + " = " + table + "." + f + " + excluded." + f)
                                        .toList()),
                ps -> {
                    for (int k = 0; k < keys.size(); k++) {
                        int key = k;
                        ps.setArray(
                                k + 1,
                                ps.getConnection()
                                        .createArrayOf(
                                                "text",
                                                rows.stream()
                                                        .map(row -> row.getKey().get(key))
                                                        .toArray()));
                    }
                    for (int f = 0; f < figures.size(); f++) {
                        int figure = f;
                        ps.setArray(
                                keys.size() + f + 1,
                                ps.getConnection()
                                        .createArrayOf(
                                                "bigint",
                                                rows.stream()
                                                        .map(row -> row.getValue()[figure])
                                                        .toArray()));
                    }
                });
    }

    private static void add(long[] into, long[] figures, int sign) {
        for (int i = 0; i < into.length; i++) {
            into[i] += sign * figures[i];
        }
    }

    /** Changes per event and day, and per event, ticket type and day, in key order. */
    private final class Changes implements PendingWrites {
        final Map<List<String>, long[]> eventDays = new TreeMap<>(KEY_ORDER);
        final Map<List<String>, long[]> typeDays = new TreeMap<>(KEY_ORDER);

        @Override
        public boolean writePending() {
            if (eventDays.isEmpty() && typeDays.isEmpty()) {
                return false;
            }
            write(this);
            dropPending();
            return true;
        }

        @Override
        public void dropPending() {
            eventDays.clear();
            typeDays.clear();
        }

        void add(String day, BookingFigures before, BookingFigures after) {
            after.perEvent()
                    .forEach((event, figures) -> ReportFigures.add(
                            eventDays.computeIfAbsent(List.of(event, day), key -> new long[EVENT_FIGURES.size()]),
                            figures,
                            1));
            before.perEvent()
                    .forEach((event, figures) -> ReportFigures.add(
                            eventDays.computeIfAbsent(List.of(event, day), key -> new long[EVENT_FIGURES.size()]),
                            figures,
                            -1));
            after.perTicketType()
                    .forEach((type, figures) -> ReportFigures.add(
                            typeDays.computeIfAbsent(
                                    List.of(type.eventId(), type.ticketTypeId(), day),
                                    key -> new long[TICKET_FIGURES.size()]),
                            figures,
                            1));
            before.perTicketType()
                    .forEach((type, figures) -> ReportFigures.add(
                            typeDays.computeIfAbsent(
                                    List.of(type.eventId(), type.ticketTypeId(), day),
                                    key -> new long[TICKET_FIGURES.size()]),
                            figures,
                            -1));
        }
    }
}
