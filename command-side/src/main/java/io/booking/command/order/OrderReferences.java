package io.booking.command.order;

import io.booking.command.booking.BookingReferences;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** Order ids are used once and order references are unique: {@code order_reference}, in the order's transaction. */
@Component
public class OrderReferences {

    private final JdbcTemplate jdbc;

    public OrderReferences(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the order id with a new reference; a concurrent claim of the same id waits and then sees this one. */
    Claim claim(PlaceOrder command) {
        while (true) {
            // told apart from a booking reference at a glance
            String reference = "ORD-" + BookingReferences.newReference();
            int inserted = jdbc.update("""
                    insert into order_reference (order_id, reference, customer_id, fingerprint)
                    values (?, ?, ?, ?) on conflict do nothing""", command.orderId(), reference, command.customerId(), command.fingerprint());
            if (inserted == 1) {
                return new Claim(reference, Optional.empty());
            }
            List<Existing> rows = jdbc.query(
                    "select reference, fingerprint, total from order_reference where order_id = ?",
                    (rs, i) -> new Existing(rs.getString(1), rs.getString(2), rs.getBigDecimal(3)),
                    command.orderId());
            if (!rows.isEmpty()) {
                return new Claim(rows.get(0).reference(), Optional.of(rows.get(0)));
            }
            // the reference was taken by another order: draw again
        }
    }

    void completed(String orderId, BigDecimal total) {
        jdbc.update("update order_reference set total = ? where order_id = ?", total, orderId);
    }

    record Claim(String reference, Optional<Existing> existing) {}

    record Existing(String reference, String fingerprint, BigDecimal total) {}
}
