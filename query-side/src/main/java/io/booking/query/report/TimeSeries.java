package io.booking.query.report;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * How the report's figures changed over time, one point per day or week (UTC), every period of the range present
 * (zero where nothing changed), ready to chart. A point is the change during its period: new bookings, tickets booked
 * (net: a cancellation or a ticket moved away takes one off), tickets cancelled, revenue; so the points of an event's
 * whole history add up to its row in the report, and {@code totals} is their sum.
 *
 * @param eventId one event's series, or null for all events (of {@code category}, when given)
 */
public record TimeSeries(
        @Nullable String eventId,
        @Nullable String category,
        Interval interval,
        LocalDate from,
        LocalDate to,
        List<Point> points,
        Figures totals,
        String currency) {

    public enum Interval {
        DAY,
        WEEK
    }

    /** @param start the period's first day (a Monday for weeks) */
    @Schema(name = "TimeSeriesPoint")
    public record Point(
            LocalDate start,
            long bookings,
            long ticketsBooked,
            long ticketsCancelled,
            long attended,
            long noShows,
            BigDecimal revenue,
            long deletedCustomers,
            long guestBookings) {}

    @Schema(name = "TimeSeriesTotals")
    public record Figures(
            long bookings,
            long ticketsBooked,
            long ticketsCancelled,
            long attended,
            long noShows,
            BigDecimal revenue,
            long deletedCustomers,
            long guestBookings) {

        static Figures of(List<Point> points) {
            return new Figures(
                    points.stream().mapToLong(Point::bookings).sum(),
                    points.stream().mapToLong(Point::ticketsBooked).sum(),
                    points.stream().mapToLong(Point::ticketsCancelled).sum(),
                    points.stream().mapToLong(Point::attended).sum(),
                    points.stream().mapToLong(Point::noShows).sum(),
                    points.stream().map(Point::revenue).reduce(BigDecimal.ZERO, BigDecimal::add),
                    points.stream().mapToLong(Point::deletedCustomers).sum(),
                    points.stream().mapToLong(Point::guestBookings).sum());
        }
    }
}
