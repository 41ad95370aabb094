package io.booking.query.booking;

import io.booking.query.web.LikePatterns;
import io.booking.query.web.TimeRange;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.Instant;

/** What a portal tab can be narrowed to: free text, a range of event start times, and a category. */
@TimeRange.Ordered
public record TabFilter(
        @Parameter(description = "matches event title, location, booking reference or an attendee's name")
        @Size(max = 100)
        String q,

        @Parameter(description = "events starting at or after this instant (ISO-8601)")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
        Instant from,

        @Parameter(description = "events starting before this instant (ISO-8601)")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
        Instant to,

        @Parameter(description = "events of this category only (case-insensitive)") @Size(max = 100)
        String category)
        implements TimeRange {

    static final TabFilter NONE = new TabFilter(null, null, null, null);

    /** The category in lower case, or a pattern matching any when there is none. */
    String categoryPattern() {
        return LikePatterns.exactlyOrAny(category);
    }

    /** The text as a case-insensitive LIKE pattern matching anywhere; any when there is no text. */
    String pattern() {
        return LikePatterns.containing(q);
    }
}
