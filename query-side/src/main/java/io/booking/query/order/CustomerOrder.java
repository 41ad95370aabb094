package io.booking.query.order;

import io.booking.shared.booking.BookingStatus;
import io.booking.shared.order.OrderPlaced;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.BatchSize;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One checkout and its lines, each a booking with its own reference. */
@Entity
@Table(name = "customer_order")
class CustomerOrder {

    @Id
    private String orderId;

    private String reference;
    private String customerId;
    private Instant placedAt;
    private BigDecimal total;

    @ElementCollection
    @CollectionTable(name = "customer_order_line", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "position")
    @BatchSize(size = 100)
    private List<Line> lines = new ArrayList<>();

    protected CustomerOrder() {}

    CustomerOrder(String orderId) {
        this.orderId = orderId;
    }

    void placed(OrderPlaced event) {
        reference = event.reference();
        customerId = event.customerId();
        placedAt = event.placedAt();
        total = event.total();
        lines.clear();
        event.lines().forEach(line -> lines.add(new Line(line)));
    }

    String customerId() {
        return customerId;
    }

    List<String> bookingIds() {
        return lines.stream().map(line -> line.bookingId).toList();
    }

    /** @param bookings the bookings' current state, by booking id; absent while not yet projected */
    OrderView view(Map<String, OrderView.BookingState> bookings, String currency) {
        List<OrderView.Booking> rows = lines.stream()
                .map(line -> {
                    OrderView.BookingState state = bookings.get(line.bookingId);
                    return new OrderView.Booking(
                            line.bookingId,
                            line.bookingReference,
                            line.eventId,
                            state == null ? null : state.eventTitle(),
                            state == null ? null : state.startsAt(),
                            line.ticketTypeId,
                            line.quantity,
                            line.unitPrice,
                            state == null ? BookingStatus.BOOKED.name() : state.status());
                })
                .toList();
        long cancelled = rows.stream()
                .filter(row -> BookingStatus.CANCELLED.name().equals(row.status()))
                .count();
        String status = BookingStatus.of(cancelled, rows.size()).name();
        return new OrderView(orderId, reference, placedAt, total, currency, status, rows);
    }

    @Embeddable
    static class Line {
        private String bookingId;
        private String bookingReference;
        private String eventId;
        private String ticketTypeId;
        private int quantity;
        private BigDecimal unitPrice;

        protected Line() {}

        Line(OrderPlaced.Line line) {
            this.bookingId = line.bookingId();
            this.bookingReference = line.bookingReference();
            this.eventId = line.occurrenceId();
            this.ticketTypeId = line.ticketTypeId();
            this.quantity = line.quantity();
            this.unitPrice = line.unitPrice();
        }
    }
}
