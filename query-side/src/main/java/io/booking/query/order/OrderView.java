package io.booking.query.order;

import io.booking.shared.booking.BookingStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order with its bookings.
 *
 * @param status {@code BOOKED}, {@code PARTLY_CANCELLED} or {@code CANCELLED}, from its bookings' statuses
 */
public record OrderView(
        String orderId,
        String reference,
        Instant placedAt,
        BigDecimal total,
        String currency,
        @Schema(implementation = BookingStatus.class) String status,
        List<Booking> bookings) {

    /**
     * @param unitPrice  the price of a ticket when ordered
     * @param eventTitle absent (with {@code startsAt}) while the booking is not yet projected
     */
    @Schema(name = "OrderBooking")
    public record Booking(
            String bookingId,
            String reference,
            String eventId,
            @Nullable String eventTitle,
            @Nullable Instant startsAt,
            String ticketTypeId,
            int quantity,
            BigDecimal unitPrice,
            @Schema(implementation = BookingStatus.class) String status) {}

    record BookingState(String status, String eventTitle, Instant startsAt) {}
}
