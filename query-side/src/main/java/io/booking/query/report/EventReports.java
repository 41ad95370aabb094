package io.booking.query.report;

import io.booking.platform.MoneySettings;
import io.booking.shared.occurrence.EventStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Reads the report figures the bookings projection keeps per event (see {@link ReportFigures}): a report reads one
 * row per event, however many bookings there are. Revenue is tickets booked times each ticket type's price.
 */
@Component
public class EventReports {

    private static final String MATCHING = """
            from booking_occurrence o
            where o.starts_at >= :from and o.starts_at < :to
              and coalesce(lower(o.category), '') like :category escape '\\'
            """;

    private static final String ROWS =
            """
            select o.event_id, o.title, o.category, o.starts_at, o.ends_at, o.cancelled,
                   coalesce(e.bookings, 0) as bookings, coalesce(e.deleted_customers, 0) as deleted_customers,
                   coalesce(e.guest_bookings, 0) as guest_bookings, coalesce(t.tickets_booked, 0) as tickets_booked,
                   coalesce(t.tickets_cancelled, 0) as tickets_cancelled, coalesce(t.attended, 0) as attended,
                   coalesce(t.no_shows, 0) as no_shows, coalesce(t.revenue, 0) as revenue,
                   (select sum(capacity) from listed_ticket_type l where l.event_id = o.event_id) as capacity,
                   (select sum(seats_left) from listed_ticket_type l where l.event_id = o.event_id) as seats_left
            """ + MATCHING.replace("from booking_occurrence o", """
            from booking_occurrence o
            left join report_event e on e.event_id = o.event_id
            left join lateral (
                select sum(r.tickets_booked) as tickets_booked, sum(r.tickets_cancelled) as tickets_cancelled,
                       sum(r.attended) as attended, sum(r.no_shows) as no_shows,
                       sum(r.tickets_booked * coalesce(p.price, 0)) as revenue
                from report_ticket_type r
                left join booking_occurrence_ticket_type p
                       on p.event_id = r.event_id and p.ticket_type_id = r.ticket_type_id
                where r.event_id = o.event_id) t on true""") + " order by o.starts_at, o.event_id";

    private final NamedParameterJdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate cursor;
    private final Clock clock;

    private final MoneySettings money;

    public EventReports(NamedParameterJdbcTemplate jdbc, DataSource dataSource, Clock clock, MoneySettings money) {
        this.money = money;
        this.jdbc = jdbc;
        JdbcTemplate fetchingInPortions = new JdbcTemplate(dataSource);
        fetchingInPortions.setFetchSize(500);
        this.cursor = new NamedParameterJdbcTemplate(fetchingInPortions);
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public EventReport events(ReportFilter filter, int page, int size) {
        MapSqlParameterSource parameters =
                parameters(filter).addValue("limit", size).addValue("offset", (long) page * size);
        Instant now = clock.instant();
        List<EventReport.Row> rows =
                jdbc.query(ROWS + " limit :limit offset :offset", parameters, (rs, i) -> row(rs, now));
        EventReport.Totals totals = jdbc.queryForObject(
                "with matching as (select o.event_id " + MATCHING + """
                ),
                events as (
                    select coalesce(sum(e.bookings), 0) as bookings, coalesce(sum(e.deleted_customers), 0) as deleted,
                           coalesce(sum(e.guest_bookings), 0) as guests
                    from report_event e join matching m on m.event_id = e.event_id),
                tickets as (
                    select coalesce(sum(r.tickets_booked), 0) as booked, coalesce(sum(r.tickets_cancelled), 0) as cancelled,
                           coalesce(sum(r.attended), 0) as attended, coalesce(sum(r.no_shows), 0) as no_shows,
                           coalesce(sum(r.tickets_booked * coalesce(p.price, 0)), 0) as revenue
                    from report_ticket_type r join matching m on m.event_id = r.event_id
                    left join booking_occurrence_ticket_type p
                           on p.event_id = r.event_id and p.ticket_type_id = r.ticket_type_id)
                select (select count(*) from matching), e.bookings, t.booked, t.cancelled, t.attended, t.no_shows,
                       t.revenue, e.deleted, e.guests
                from events e, tickets t
                """,
                parameters,
                (rs, i) -> new EventReport.Totals(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getBigDecimal(7),
                        rs.getLong(8),
                        rs.getLong(9)));
        long events = totals.events();
        return new EventReport(rows, page, size, events, (int) ((events + size - 1) / size), totals, money.currency());
    }

    /**
     * Every row the filter matches, one after the other, read through a cursor: memory stays flat however many
     * events there are. Runs in a read-only transaction, which PostgreSQL's driver needs to fetch in portions.
     */
    @Transactional(readOnly = true)
    public void eachRow(ReportFilter filter, Consumer<EventReport.Row> consumer) {
        Instant now = clock.instant();
        cursor.query(ROWS, parameters(filter), (RowCallbackHandler) rs -> consumer.accept(row(rs, now)));
    }

    private static MapSqlParameterSource parameters(ReportFilter filter) {
        return new MapSqlParameterSource()
                .addValue("from", Timestamp.from(filter.fromOrEarliest()))
                .addValue("to", Timestamp.from(filter.toOrLatest()))
                .addValue("category", filter.categoryPattern());
    }

    private static EventReport.Row row(ResultSet rs, Instant now) throws SQLException {
        Instant endsAt = rs.getTimestamp("ends_at").toInstant();
        String status = (rs.getBoolean("cancelled")
                        ? EventStatus.CANCELLED
                        : endsAt.isAfter(now) ? EventStatus.SCHEDULED : EventStatus.ENDED)
                .name();
        BigDecimal revenue = rs.getBigDecimal("revenue");
        return new EventReport.Row(
                rs.getString("event_id"),
                rs.getString("title"),
                rs.getString("category"),
                rs.getTimestamp("starts_at").toInstant(),
                endsAt,
                status,
                rs.getObject("capacity", Long.class),
                rs.getObject("seats_left", Long.class),
                rs.getLong("bookings"),
                rs.getLong("tickets_booked"),
                rs.getLong("tickets_cancelled"),
                rs.getLong("attended"),
                rs.getLong("no_shows"),
                revenue,
                rs.getLong("deleted_customers"),
                rs.getLong("guest_bookings"));
    }
}
