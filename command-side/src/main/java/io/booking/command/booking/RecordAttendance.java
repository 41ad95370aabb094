package io.booking.command.booking;

import io.booking.shared.booking.Attendance;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordAttendance(@TargetAggregateIdentifier String bookingId, String ticketId, Attendance attendance) {}
