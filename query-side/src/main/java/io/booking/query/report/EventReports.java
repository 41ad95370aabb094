package io.booking.query.report;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Reports are sums over the bookings read model as it stands, so a rebuilt projection gives the same report; nothing
 * here is kept apart that could drift from it.
 */
@Component
public class EventReports {

    private static final String PER_EVENT = """
            with per_event as (
                select o.event_id, o.title, o.category, o.starts_at, o.ends_at, o.cancelled,
                       count(distinct t.booking_id) as bookings,
                       count(t.ticket_id) filter (where t.status = 'BOOKED') as tickets_booked,
                       count(t.ticket_id) filter (where t.status = 'CANCELLED') as tickets_cancelled,
                       count(t.ticket_id) filter (where t.status = 'BOOKED' and t.attendance = 'ATTENDED') as attended,
                       count(t.ticket_id) filter (where t.status = 'BOOKED' and t.attendance = 'NO_SHOW') as no_shows,
                       coalesce(sum(tt.price) filter (where t.status = 'BOOKED'), 0) as revenue,
                       count(distinct t.booking_id) filter (where b.customer_deleted) as deleted_customers,
                       count(distinct t.booking_id) filter (where b.guest_id is not null) as guest_bookings
                from booking_occurrence o
                left join booking_ticket t on t.event_id = o.event_id
                left join booking b on b.booking_id = t.booking_id
                left join booking_occurrence_ticket_type tt
                       on tt.event_id = t.event_id and tt.ticket_type_id = t.ticket_type_id
                where o.starts_at >= :from and o.starts_at < :to
                  and coalesce(lower(o.category), '') like :category escape '\\'
                group by o.event_id)
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public EventReports(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public EventReport events(ReportFilter filter, int page, int size) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("from", Timestamp.from(filter.fromOrEarliest()))
                .addValue("to", Timestamp.from(filter.toOrLatest()))
                .addValue("category", filter.categoryPattern())
                .addValue("limit", size)
                .addValue("offset", (long) page * size);
        Instant now = clock.instant();
        List<EventReport.Row> rows = jdbc.query(PER_EVENT + """
                select p.*,
                       (select sum(capacity) from listed_ticket_type l where l.event_id = p.event_id) as capacity,
                       (select sum(seats_left) from listed_ticket_type l where l.event_id = p.event_id) as seats_left
                from per_event p order by p.starts_at, p.event_id limit :limit offset :offset
                """, parameters, (rs, i) -> row(rs, now));
        // a booking whose tickets moved apart counts at each of its events, but once in the totals
        EventReport.Totals totals = jdbc.queryForObject("""
                with matching as (
                    select o.event_id from booking_occurrence o
                    where o.starts_at >= :from and o.starts_at < :to
                      and coalesce(lower(o.category), '') like :category escape '\\')
                select (select count(*) from matching),
                       count(distinct t.booking_id),
                       count(t.ticket_id) filter (where t.status = 'BOOKED'),
                       count(t.ticket_id) filter (where t.status = 'CANCELLED'),
                       count(t.ticket_id) filter (where t.status = 'BOOKED' and t.attendance = 'ATTENDED'),
                       count(t.ticket_id) filter (where t.status = 'BOOKED' and t.attendance = 'NO_SHOW'),
                       coalesce(sum(tt.price) filter (where t.status = 'BOOKED'), 0),
                       count(distinct t.booking_id) filter (where b.customer_deleted),
                       count(distinct t.booking_id) filter (where b.guest_id is not null)
                from booking_ticket t
                join matching m on m.event_id = t.event_id
                join booking b on b.booking_id = t.booking_id
                left join booking_occurrence_ticket_type tt
                       on tt.event_id = t.event_id and tt.ticket_type_id = t.ticket_type_id
                """, parameters, (rs, i) -> new EventReport.Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getBigDecimal(7), rs.getLong(8), rs.getLong(9)));
        long events = totals.events();
        return new EventReport(rows, page, size, events, (int) ((events + size - 1) / size), totals);
    }

    private static EventReport.Row row(ResultSet rs, Instant now) throws SQLException {
        Instant endsAt = rs.getTimestamp("ends_at").toInstant();
        String status = rs.getBoolean("cancelled") ? "CANCELLED" : endsAt.isAfter(now) ? "SCHEDULED" : "ENDED";
        return new EventReport.Row(rs.getString("event_id"), rs.getString("title"), rs.getString("category"),
                rs.getTimestamp("starts_at").toInstant(), endsAt, status, rs.getObject("capacity", Long.class),
                rs.getObject("seats_left", Long.class), rs.getLong("bookings"), rs.getLong("tickets_booked"),
                rs.getLong("tickets_cancelled"), rs.getLong("attended"), rs.getLong("no_shows"),
                rs.getBigDecimal("revenue"), rs.getLong("deleted_customers"), rs.getLong("guest_bookings"));
    }
}
