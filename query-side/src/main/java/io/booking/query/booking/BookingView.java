package io.booking.query.booking;

import io.booking.shared.booking.Attendance;
import io.booking.shared.booking.BookingStatus;
import io.booking.shared.booking.TicketStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A row of a customer's portal tab, with the actions the policy allows now.
 *
 * @param cancellation when, by whom ({@code customer} or {@code admin}) and why; absent while the booking is active
 */
public record BookingView(
        String bookingId,
        String reference,
        @Schema(implementation = BookingStatus.class) String status,
        Instant bookedAt,
        Event event,
        TicketType ticketType,
        List<Ticket> tickets,
        Actions actions,
        @Nullable Cancellation cancellation) {

    public record Cancellation(
            Instant at, String by, @Nullable String reason) {}

    /** @param cancelled the organiser called the event off */
    public record Event(
            String eventId,
            String title,
            Instant startsAt,
            Instant endsAt,
            String location,
            @Nullable String category,
            Organiser organiser,
            boolean cancelled) {}

    public record Organiser(String name, @Nullable String contact) {}

    @Schema(name = "BookedTicketType")
    public record TicketType(
            String ticketTypeId,
            @Nullable String name,
            @Nullable BigDecimal price,
            String currency) {}

    /**
     * @param status     {@code BOOKED} or {@code CANCELLED}
     * @param attendance {@code BOOKED} (not recorded), {@code ATTENDED} or {@code NO_SHOW}
     * @param eventId    where the ticket is now: the booking's event unless the ticket alone was transferred
     */
    public record Ticket(
            String ticketId,
            String attendeeName,
            boolean child,
            @Schema(implementation = TicketStatus.class) String status,
            @Schema(implementation = Attendance.class) String attendance,
            String eventId,
            String ticketTypeId) {}

    @Schema(name = "BookingActions")
    public record Actions(boolean cancel, boolean transfer) {}
}
