package io.booking.shared.occurrence;

/** Where an event stands for its customers: on sale until it ends or is cancelled. */
public enum EventStatus {
    SCHEDULED,
    CANCELLED,
    ENDED
}
