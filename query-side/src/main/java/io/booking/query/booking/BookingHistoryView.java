package io.booking.query.booking;

import io.booking.shared.booking.Attendance;
import io.booking.shared.booking.BookingStatus;
import io.booking.shared.booking.TicketStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A booking's audit trail.
 *
 * @param at      the moment replayed to, or null for now
 * @param changes every change recorded up to then, oldest first
 * @param state   the booking as it stood then; null if it did not exist yet
 * @param customerDeleted whether the customer has deleted their account since (their personal fields read erased)
 */
public record BookingHistoryView(
        String bookingId,
        String reference,
        @Nullable Instant at,
        List<Change> changes,
        @Nullable State state,
        boolean customerDeleted) {

    /**
     * @param type        the event's name in the domain's words (TicketsBooked, TicketCancelled, TicketsTransferred, ...)
     * @param recordedAt  when the event store recorded it
     * @param actorRole   customer, admin, guest or system
     * @param correlation the request that caused it: changes made together share it
     * @param details     the event's fields as recorded, personal ones opened (or "[erased]")
     */
    public record Change(
            long sequence,
            String type,
            Instant recordedAt,
            @Nullable String actorRole,

            @Schema(description = "the account's id, or system or anonymous for a change no person made") @Nullable
            String actorId,

            @Nullable String correlation,
            // values are strings, numbers, lists and objects as the event holds them
            @Schema(additionalProperties = Schema.AdditionalPropertiesValue.TRUE)
            Map<String, Object> details) {}

    /** @param status BOOKED, PARTLY_CANCELLED or CANCELLED */
    public record State(
            String customerId,
            boolean guestBooking,
            @Schema(implementation = BookingStatus.class) String status,
            List<TicketState> tickets) {}

    /** @param status BOOKED or CANCELLED; eventId and ticketTypeId say where the ticket was then (after transfers) */
    public record TicketState(
            String ticketId,
            String attendeeName,
            boolean child,
            String eventId,
            String ticketTypeId,
            @Schema(implementation = TicketStatus.class) String status,
            Attendance attendance) {}
}
