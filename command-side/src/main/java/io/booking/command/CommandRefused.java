package io.booking.command;

import java.util.Map;

/**
 * A rule refused a command; nothing was stored. The message names the rule and never carries personal data.
 *
 * @param rule a stable, machine-readable name of the rule, e.g. {@code sold-out}
 */
public class CommandRefused extends RuntimeException {

    public enum Kind { BAD_REQUEST, CONFLICT, UNPROCESSABLE, NOT_FOUND }

    private final Kind kind;
    private final String rule;
    private final transient Map<String, Object> details;

    public CommandRefused(Kind kind, String rule, String message, Map<String, Object> details) {
        super(message, null, false, false);
        this.kind = kind;
        this.rule = rule;
        this.details = Map.copyOf(details);
    }

    /** The request carries something unusable, e.g. a wrong, used or expired one-time code or token. */
    public static CommandRefused badRequest(String rule, String message) {
        return new CommandRefused(Kind.BAD_REQUEST, rule, message, Map.of());
    }

    public static CommandRefused conflict(String rule, String message) {
        return new CommandRefused(Kind.CONFLICT, rule, message, Map.of());
    }

    public static CommandRefused unprocessable(String rule, String message) {
        return new CommandRefused(Kind.UNPROCESSABLE, rule, message, Map.of());
    }

    public static CommandRefused notFound(String rule, String message) {
        return new CommandRefused(Kind.NOT_FOUND, rule, message, Map.of());
    }

    public Kind kind() {
        return kind;
    }

    public String rule() {
        return rule;
    }

    public Map<String, Object> details() {
        return details;
    }
}
