package io.booking.shared.occurrence;

import java.time.Instant;

/**
 * The event's end time came (a deadline kept in the database); a cancelled event does not end.
 *
 * @param attendanceTracking the organiser's setting: unmarked tickets are now to be counted as attended
 */
public record OccurrenceEnded(String occurrenceId, boolean attendanceTracking, Instant endedAt)
        implements OccurrenceEvent {}
