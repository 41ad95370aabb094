package io.booking.query.web;

import java.util.Locale;

/** Text a client filters by, as a case-insensitive SQL LIKE pattern (matched against lower-cased columns). */
public final class LikePatterns {

    private LikePatterns() {}

    /** The text anywhere in a value; any value when there is no text. */
    public static String containing(String text) {
        return text == null || text.isBlank() ? "%" : "%" + literal(text) + "%";
    }

    /** Exactly the text (ignoring case); any value when there is no text. */
    public static String exactlyOrAny(String text) {
        return text == null || text.isBlank() ? "%" : literal(text);
    }

    /** Trimmed, lower-cased and with LIKE's wildcards escaped (the queries say {@code escape '\'}). */
    private static String literal(String text) {
        return text.trim()
                .toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
    }
}
