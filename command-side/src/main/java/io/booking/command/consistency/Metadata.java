package io.booking.command.consistency;

/** The metadata keys every event carries. */
public final class Metadata {

    public static final String ACTOR = "actor";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";

    private Metadata() {}
}
