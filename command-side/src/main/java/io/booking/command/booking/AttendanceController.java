package io.booking.command.booking;

import io.booking.command.consistency.CommandDispatcher;
import io.booking.command.consistency.ConsistencyToken;
import io.booking.command.security.Actor;
import io.booking.shared.booking.Attendance;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@Tag(name = "bookings")
@RestController
public class AttendanceController {

    private final CommandDispatcher dispatcher;

    public AttendanceController(CommandDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Operation(
            operationId = "recordAttendance",
            summary = "Record whether a ticket's attendee came (admin): ATTENDED, NO_SHOW, or BOOKED to undo")
    @PutMapping("/api/admin/bookings/{bookingId}/tickets/{ticketId}/attendance")
    public ResponseEntity<AttendanceAnswer> record(
            @PathVariable UUID bookingId,
            @PathVariable UUID ticketId,
            @Valid @RequestBody AttendanceRequest request,
            Authentication caller) {
        var dispatched = dispatcher.send(
                new RecordAttendance(bookingId.toString(), ticketId.toString(), request.attendance()),
                Actor.of(caller));
        return ConsistencyToken.ok(
                new AttendanceAnswer(
                        bookingId.toString(),
                        ticketId.toString(),
                        request.attendance(),
                        ConsistencyToken.orNull(dispatched.position())),
                dispatched.position());
    }

    public record AttendanceRequest(@NotNull Attendance attendance) {}

    public record AttendanceAnswer(
            String bookingId,
            String ticketId,
            Attendance attendance,
            @Nullable Long consistencyToken) {}
}
