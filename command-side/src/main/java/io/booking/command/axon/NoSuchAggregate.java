package io.booking.command.axon;

import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * An id in a command names nothing of the kind it needs: no event, booking or entry has it, or something of another
 * kind does (a booking's id given as an event's). {@code field} is the command's field that holds it. An
 * {@link AggregateNotFoundException}, so that a handler that sends the command on can still tell it as one.
 */
public class NoSuchAggregate extends AggregateNotFoundException {

    private final String field;

    public NoSuchAggregate(String id, String field) {
        super(id, "no such " + field);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
