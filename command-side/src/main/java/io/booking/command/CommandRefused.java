package io.booking.command;

import java.util.List;
import java.util.Map;

/**
 * A rule refused a command; nothing was stored. The message names the rule and never carries personal data.
 *
 * @param rule a stable, machine-readable name of the rule, e.g. {@code sold-out}
 */
public class CommandRefused extends RuntimeException {

    /** Why, in the domain's words; the web edge chooses the status. */
    public enum Kind {
        /** The command carries something unusable, e.g. a wrong, used or expired one-time code. */
        INVALID,
        /** A rule does not allow it now: sold out, already cancelled, the window closed. */
        NOT_ALLOWED,
        /** It names something the rule cannot apply to: a ticket type the event does not have. */
        NOT_APPLICABLE,
        /** It names something that does not exist. */
        UNKNOWN
    }

    /** A part of the command the refusal is about, e.g. {@code endsAt}: "must be after startsAt". */
    public record Concerning(String field, String problem) {}

    private final Kind kind;
    private final String rule;
    private final transient Map<String, Object> details;
    private final transient List<Concerning> concerning;

    public CommandRefused(Kind kind, String rule, String message, Map<String, Object> details) {
        this(kind, rule, message, details, List.of());
    }

    public CommandRefused(
            Kind kind, String rule, String message, Map<String, Object> details, List<Concerning> concerning) {
        super(message, null, false, false);
        this.kind = kind;
        this.rule = rule;
        this.details = Map.copyOf(details);
        this.concerning = List.copyOf(concerning);
    }

    /** A refusal about one field of the command. */
    public static CommandRefused concerning(Kind kind, String rule, String message, String field, String problem) {
        return new CommandRefused(kind, rule, message, Map.of(), List.of(new Concerning(field, problem)));
    }

    public static CommandRefused invalid(String rule, String message) {
        return new CommandRefused(Kind.INVALID, rule, message, Map.of());
    }

    public static CommandRefused notAllowed(String rule, String message) {
        return new CommandRefused(Kind.NOT_ALLOWED, rule, message, Map.of());
    }

    public static CommandRefused notApplicable(String rule, String message) {
        return new CommandRefused(Kind.NOT_APPLICABLE, rule, message, Map.of());
    }

    public static CommandRefused unknown(String rule, String message) {
        return new CommandRefused(Kind.UNKNOWN, rule, message, Map.of());
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

    public List<Concerning> concerning() {
        return concerning;
    }
}
