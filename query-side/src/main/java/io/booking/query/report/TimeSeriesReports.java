package io.booking.query.report;

import io.booking.platform.MoneySettings;
import io.booking.query.web.InvalidParameterException;
import io.booking.query.web.NotFoundException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads time series from the report figures' per-day changes (see {@link ReportFigures}). */
@Component
public class TimeSeriesReports {

    /** Enough for nearly three years by day; a longer range asks for weeks. */
    static final int MAX_POINTS = 1_000;

    private final NamedParameterJdbcTemplate jdbc;

    private static final BigDecimal NO_REVENUE = new BigDecimal("0.00");

    private final MoneySettings money;

    TimeSeriesReports(NamedParameterJdbcTemplate jdbc, MoneySettings money) {
        this.jdbc = jdbc;
        this.money = money;
    }

    @Transactional(readOnly = true)
    public TimeSeries of(TimeSeriesFilter filter) {
        if (filter.from() != null && filter.to() != null && !filter.to().isAfter(filter.from())) {
            throw new InvalidParameterException("to", "must be after from");
        }
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("unit", filter.interval() == TimeSeries.Interval.WEEK ? "week" : "day")
                .addValue("from", Date.valueOf(filter.from() == null ? LocalDate.of(1, 1, 1) : filter.from()))
                .addValue("to", Date.valueOf(filter.to() == null ? LocalDate.of(9999, 12, 31) : filter.to()));
        String events = "";
        String category = null;
        if (filter.eventId() != null) {
            String eventId = filter.eventId().toString();
            if (!Boolean.TRUE.equals(jdbc.queryForObject(
                    "select exists (select 1 from booking_occurrence where event_id = :id)",
                    Map.of("id", eventId),
                    Boolean.class))) {
                throw new NotFoundException("No event " + eventId + ".");
            }
            parameters.addValue("eventId", eventId);
            events = " and r.event_id = :eventId";
        } else if (filter.category() != null && !filter.category().isBlank()) {
            category = filter.category().trim();
            parameters.addValue("category", category.toLowerCase(java.util.Locale.ROOT));
            events =
                    " and r.event_id in (select o.event_id from booking_occurrence o where lower(o.category) = :category)";
        }
        Map<LocalDate, TimeSeries.Point> changed = new HashMap<>();
        jdbc.query("""
                with e as (
                    select date_trunc(:unit, r.day::timestamp)::date as period, sum(r.bookings) as bookings,
                           sum(r.deleted_customers) as deleted, sum(r.guest_bookings) as guests
                    from report_event_day r
                    where r.day >= :from and r.day < :to""" + events + """
                    group by 1),
                t as (
                    select date_trunc(:unit, r.day::timestamp)::date as period, sum(r.tickets_booked) as booked,
                           sum(r.tickets_cancelled) as cancelled, sum(r.attended) as attended,
                           sum(r.no_shows) as no_shows, sum(r.tickets_booked * coalesce(p.price, 0)) as revenue
                    from report_ticket_type_day r
                    left join booking_occurrence_ticket_type p
                           on p.event_id = r.event_id and p.ticket_type_id = r.ticket_type_id
                    where r.day >= :from and r.day < :to""" + events + """
                    group by 1)
                select coalesce(e.period, t.period) as period, coalesce(e.bookings, 0), coalesce(t.booked, 0),
                       coalesce(t.cancelled, 0), coalesce(t.attended, 0), coalesce(t.no_shows, 0),
                       coalesce(t.revenue, 0), coalesce(e.deleted, 0), coalesce(e.guests, 0)
                from e full join t on t.period = e.period
                """, parameters, rs -> {
            LocalDate start = rs.getDate(1).toLocalDate();
            changed.put(
                    start,
                    new TimeSeries.Point(
                            start,
                            rs.getLong(2),
                            rs.getLong(3),
                            rs.getLong(4),
                            rs.getLong(5),
                            rs.getLong(6),
                            rs.getBigDecimal(7),
                            rs.getLong(8),
                            rs.getLong(9)));
        });
        LocalDate first = filter.from() != null
                ? periodOf(filter.from(), filter.interval())
                : changed.keySet().stream().min(LocalDate::compareTo).orElse(null);
        LocalDate end = filter.to() != null
                ? filter.to()
                : changed.keySet().stream()
                        .max(LocalDate::compareTo)
                        .map(last -> last.plusDays(1))
                        .orElse(null);
        List<TimeSeries.Point> points = new ArrayList<>();
        if (first != null && end != null) {
            ChronoUnit step = filter.interval() == TimeSeries.Interval.WEEK ? ChronoUnit.WEEKS : ChronoUnit.DAYS;
            if (step.between(first, end) > MAX_POINTS) {
                throw new InvalidParameterException(
                        "interval", "at most " + MAX_POINTS + " points: choose WEEK or a shorter range (from, to)");
            }
            for (LocalDate start = first; start.isBefore(end); start = start.plus(1, step)) {
                points.add(changed.getOrDefault(start, new TimeSeries.Point(start, 0, 0, 0, 0, 0, NO_REVENUE, 0, 0)));
            }
        }
        return new TimeSeries(
                filter.eventId() == null ? null : filter.eventId().toString(),
                filter.eventId() == null ? category : null,
                filter.interval(),
                filter.from(),
                filter.to(),
                points,
                TimeSeries.Figures.of(points),
                money.currency());
    }

    private static LocalDate periodOf(LocalDate day, TimeSeries.Interval interval) {
        return interval == TimeSeries.Interval.WEEK
                ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                : day;
    }
}
