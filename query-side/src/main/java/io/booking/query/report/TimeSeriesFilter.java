package io.booking.query.report;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDate;
import java.util.UUID;

/** Which changes a time series covers: of one event or of all (of a category), on days in a range. */
public record TimeSeriesFilter(
        @Parameter(description = "one event's series; without it, all events'")
        UUID eventId,

        @Parameter(description = "all events of this category (case-insensitive); ignored with eventId")
        @Size(max = 100)
        String category,

        @Parameter(description = "first day (UTC, ISO-8601 date), inclusive")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate from,

        @Parameter(description = "last day (UTC, ISO-8601 date), exclusive")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate to,

        @Parameter(description = "DAY (default) or WEEK (Monday to Sunday)")
        TimeSeries.Interval interval) {

    public TimeSeriesFilter {
        interval = interval == null ? TimeSeries.Interval.DAY : interval;
    }
}
