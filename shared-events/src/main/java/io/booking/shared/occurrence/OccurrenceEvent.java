package io.booking.shared.occurrence;

/** The events of one event's (occurrence's) stream: its schedule and the seats taken from it. */
public sealed interface OccurrenceEvent
        permits OccurrenceScheduled, OccurrenceCancelled, OccurrenceEnded, TicketTypeEvent {

    String occurrenceId();
}
