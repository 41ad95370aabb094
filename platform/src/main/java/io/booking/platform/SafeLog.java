package io.booking.platform;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A failure described for the log without its messages: a database or parser message can quote the values it was
 * given, and those may be a person's name or email. Types and where they were thrown are enough to start from.
 */
public final class SafeLog {

    private SafeLog() {}

    public static String describe(Throwable failure) {
        StringBuilder description = new StringBuilder();
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (!description.isEmpty()) {
                description.append(" <- caused by ");
            }
            description
                    .append(t.getClass().getName())
                    .append(" at ")
                    .append(Arrays.stream(t.getStackTrace())
                            .limit(3)
                            .map(StackTraceElement::toString)
                            .collect(Collectors.joining(" < ")));
        }
        return description.toString();
    }
}
