package io.booking.shared.booking;

import java.time.Instant;

/** An admin recorded whether a ticket's attendee came. */
public record AttendanceRecorded(String bookingId, String ticketId, Attendance attendance, Instant recordedAt)
        implements BookingEvent {}
