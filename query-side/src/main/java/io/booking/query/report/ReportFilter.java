package io.booking.query.report;

import io.booking.query.web.LikePatterns;
import io.booking.query.web.TimeRange;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.Instant;

/** Which events a report covers: those starting in a range, of a category. */
@TimeRange.Ordered
public record ReportFilter(
        @Parameter(description = "events starting at or after this instant (ISO-8601)")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
        Instant from,

        @Parameter(description = "events starting before this instant (ISO-8601)")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
        Instant to,

        @Parameter(description = "events of this category only (case-insensitive)") @Size(max = 100)
        String category)
        implements TimeRange {

    String categoryPattern() {
        return LikePatterns.exactlyOrAny(category);
    }
}
