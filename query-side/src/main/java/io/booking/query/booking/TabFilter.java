package io.booking.query.booking;

import io.booking.query.web.TimeRange;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.Instant;
import java.util.Locale;

/** What a portal tab can be narrowed to: free text, a range of event start times, and a category. */
@TimeRange.Ordered
public record TabFilter(
        @Parameter(description = "matches event title, location, booking reference or an attendee's name")
        @Size(max = 100) String q,
        @Parameter(description = "events starting at or after this instant (ISO-8601)")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
        @Parameter(description = "events starting before this instant (ISO-8601)")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
        @Parameter(description = "events of this category only (case-insensitive)")
        @Size(max = 100) String category) implements TimeRange {

    static final TabFilter NONE = new TabFilter(null, null, null, null);

    /** The category in lower case, or a pattern matching any when there is none. */
    String categoryPattern() {
        return category == null || category.isBlank() ? "%" : literal(category);
    }

    /** The text as a case-insensitive LIKE pattern matching anywhere; empty when there is no text. */
    String pattern() {
        if (q == null || q.isBlank()) {
            return "%";
        }
        return "%" + literal(q) + "%";
    }

    /** Instants far apart enough to stand for "no bound", so the query needs no null checks. */
    Instant fromOrEarliest() {
        return from == null ? Instant.parse("0001-01-01T00:00:00Z") : from;
    }

    Instant toOrLatest() {
        return to == null ? Instant.parse("9999-12-31T23:59:59Z") : to;
    }

    /** Trimmed, lower-cased and with LIKE's wildcards escaped. */
    private static String literal(String text) {
        return text.trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
