package io.booking.shared.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A customer checked out bookings for one or more events at once; every booking in it was placed, with its seats,
 * in the same transaction. Prices are those of the moment of the order.
 */
public record OrderPlaced(
        String orderId, String reference, String customerId, List<Line> lines, BigDecimal total, Instant placedAt)
        implements OrderEvent {

    public record Line(
            String bookingId,
            String bookingReference,
            String occurrenceId,
            String ticketTypeId,
            int quantity,
            BigDecimal unitPrice) {}
}
