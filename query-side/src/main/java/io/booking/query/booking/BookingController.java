package io.booking.query.booking;

import io.booking.query.consistency.ReadsFrom;
import io.booking.query.security.Caller;
import io.booking.query.web.PageQuery;
import io.booking.query.web.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.UUID;

@Tag(name = "bookings")
@RestController
@SecurityRequirement(name = "bearer")
class BookingController {

    private final BookingProjection bookings;
    private final BookingHistory history;
    private final EventAttendees attendees;

    BookingController(BookingProjection bookings, BookingHistory history, EventAttendees attendees) {
        this.bookings = bookings;
        this.history = history;
        this.attendees = attendees;
    }

    @GetMapping("/api/my/upcoming")
    @ReadsFrom(BookingProjection.GROUP)
    @Operation(
            operationId = "myUpcoming",
            summary = "The caller's Upcoming tab: bookings of events not yet ended, soonest first")
    PageView<BookingView> myUpcoming(
            @Valid @ParameterObject PageQuery page,
            @Valid @ParameterObject TabFilter filter,
            Authentication authentication) {
        return bookings.upcoming(authentication.getName(), filter, page.pageable());
    }

    @GetMapping("/api/my/past")
    @ReadsFrom(BookingProjection.GROUP)
    @Operation(
            operationId = "myPast",
            summary = "The caller's Past tab: bookings of ended events, with who attended together and whether the "
                    + "event was cancelled, most recent first")
    PageView<BookingView> myPast(
            @Valid @ParameterObject PageQuery page,
            @Valid @ParameterObject TabFilter filter,
            Authentication authentication) {
        return bookings.past(authentication.getName(), filter, page.pageable());
    }

    @GetMapping("/api/my/cancelled")
    @ReadsFrom(BookingProjection.GROUP)
    @Operation(
            operationId = "myCancelled",
            summary =
                    "The caller's Cancelled tab: bookings with cancelled tickets (when, by whom and why), newest first")
    PageView<BookingView> myCancelled(
            @Valid @ParameterObject PageQuery page,
            @Valid @ParameterObject TabFilter filter,
            Authentication authentication) {
        return bookings.cancelled(authentication.getName(), filter, page.pageable());
    }

    @GetMapping("/api/bookings/{reference}")
    @Operation(operationId = "getBooking", summary = "One booking of the caller (admins: any booking)")
    BookingDetails booking(@PathVariable String reference, Authentication authentication) {
        return bookings.booking(reference, Caller.of(authentication));
    }

    @GetMapping("/api/admin/bookings/{reference}/history")
    @Operation(
            operationId = "bookingHistory",
            summary = "A booking's audit trail (admin), replayed from the event store: every change with when it was "
                    + "recorded, by whom (role and id) and in which request; with `at`, only the changes up to that moment and "
                    + "the booking as it stood then")
    BookingHistoryView history(
            @PathVariable String reference,
            @Parameter(description = "replay up to this instant (ISO-8601); now when absent")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant at) {
        return history.of(reference, at);
    }

    @GetMapping("/api/admin/customers/{customerId}/upcoming")
    @ReadsFrom(BookingProjection.GROUP)
    @Operation(operationId = "customerUpcoming", summary = "A customer's Upcoming tab (admin)")
    PageView<BookingView> customerUpcoming(@PathVariable UUID customerId, @Valid @ParameterObject PageQuery page) {
        return bookings.upcoming(customerId.toString(), TabFilter.NONE, page.pageable());
    }

    @GetMapping("/api/admin/events/{eventId}/attendees")
    @ReadsFrom(BookingProjection.GROUP)
    @Operation(
            operationId = "eventAttendees",
            summary = "An event's attendee list (admin): every ticket booked for it, by attendee name, with the ticket "
                    + "and booking ids that recording attendance takes; 404 for no such event")
    PageView<EventAttendees.Attendee> eventAttendees(
            @PathVariable UUID eventId, @Valid @ParameterObject PageQuery page) {
        return attendees.of(eventId.toString(), page.pageable());
    }
}
