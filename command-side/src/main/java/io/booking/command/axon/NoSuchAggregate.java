package io.booking.command.axon;

/**
 * An id in a command names nothing of the kind it needs: no event, booking or entry has it, or something of another
 * kind does (a booking's id given as an event's). {@code field} is the command's field that holds it.
 */
public class NoSuchAggregate extends RuntimeException {

    private final String field;

    public NoSuchAggregate(String field) {
        super("no such " + field, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
