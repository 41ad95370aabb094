package io.booking.query.report;

import io.booking.shared.occurrence.EventStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Bookings per event over the whole history, deleted customers' and guests' included (counted, never named).
 *
 * @param totals over every event the filter matches, not only this page's: a booking whose tickets are at two of
 *               them counts once here, and in both rows
 */
/** @param currency that of every revenue in it */
public record EventReport(
        List<Row> items, int page, int size, long totalItems, int totalPages, Totals totals, String currency) {

    /**
     * One event. Tickets are counted where they are now: a ticket transferred away counts at its new event.
     *
     * @param status           SCHEDULED, ENDED or CANCELLED
     * @param capacity         seats of all its ticket types
     * @param bookings         bookings holding or having held a ticket of this event
     * @param ticketsBooked    tickets still booked
     * @param revenue          the price of the tickets still booked
     * @param deletedCustomers bookings whose customer deleted their account since
     */
    public record Row(
            String eventId,
            String title,
            @Nullable String category,
            Instant startsAt,
            Instant endsAt,
            @Schema(implementation = EventStatus.class) String status,
            @Nullable Long capacity,
            @Nullable Long seatsLeft,
            long bookings,
            long ticketsBooked,
            long ticketsCancelled,
            long attended,
            long noShows,
            BigDecimal revenue,
            long deletedCustomers,
            long guestBookings) {}

    public record Totals(
            long events,
            long bookings,
            long ticketsBooked,
            long ticketsCancelled,
            long attended,
            long noShows,
            BigDecimal revenue,
            long deletedCustomers,
            long guestBookings) {}
}
