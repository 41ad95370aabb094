package io.booking.shared.occurrence;

import java.time.Instant;

/** The organiser called the event off; its bookings are cancelled by the organiser after it, with the same reason. */
public record OccurrenceCancelled(String occurrenceId, String reason, Instant cancelledAt) implements OccurrenceEvent {}
