package io.booking.query.order;

import io.booking.platform.MoneySettings;
import io.booking.query.booking.BookingProjection;
import io.booking.query.security.Caller;
import io.booking.query.web.NotFoundException;
import io.booking.query.web.PageView;
import io.booking.shared.order.OrderPlaced;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Customers' orders. In the bookings' processing group, so an order and its bookings are projected by the same
 * processor and one consistency token covers both; each booking's status is joined when queried.
 */
@Component
@ProcessingGroup(BookingProjection.GROUP)
public class OrderProjection {

    private final CustomerOrderRepository orders;
    private final NamedParameterJdbcTemplate jdbc;

    private final MoneySettings money;

    OrderProjection(CustomerOrderRepository orders, NamedParameterJdbcTemplate jdbc, MoneySettings money) {
        this.money = money;
        this.orders = orders;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(OrderPlaced event) {
        CustomerOrder order = orders.findById(event.orderId()).orElseGet(() -> new CustomerOrder(event.orderId()));
        order.placed(event);
        orders.save(order);
    }

    @ResetHandler
    void reset() {
        orders.deleteAllInBatch();
    }

    @Transactional(readOnly = true)
    public PageView<OrderView> ordersOf(String customerId, Pageable pageable) {
        Page<CustomerOrder> page = orders.findByCustomerIdOrderByPlacedAtDescOrderIdAsc(customerId, pageable);
        Map<String, OrderView.BookingState> bookings = bookingStates(page.getContent().stream()
                .flatMap(order -> order.bookingIds().stream())
                .toList());
        return PageView.of(page, order -> order.view(bookings, money.currency()));
    }

    /** An order the caller may see; another customer's order is "not found", so its existence is not revealed. */
    @Transactional(readOnly = true)
    public OrderView order(String reference, Caller caller) {
        CustomerOrder order = orders.findByReference(reference)
                .filter(found -> caller.maySee(found.customerId()))
                .orElseThrow(() -> new NotFoundException("No order " + reference + "."));
        return order.view(bookingStates(order.bookingIds()), money.currency());
    }

    private Map<String, OrderView.BookingState> bookingStates(List<String> bookingIds) {
        Map<String, OrderView.BookingState> states = new HashMap<>();
        if (bookingIds.isEmpty()) {
            return states;
        }
        jdbc.query("""
                select b.booking_id, b.status, o.title, o.starts_at
                from booking b left join booking_occurrence o on o.event_id = b.event_id
                where b.booking_id in (:ids)""", Map.of("ids", bookingIds), rs -> {
            states.put(
                    rs.getString(1),
                    new OrderView.BookingState(
                            rs.getString(2),
                            rs.getString(3),
                            rs.getTimestamp(4) == null
                                    ? null
                                    : rs.getTimestamp(4).toInstant()));
        });
        return states;
    }
}
