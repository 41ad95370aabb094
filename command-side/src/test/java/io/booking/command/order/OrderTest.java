package io.booking.command.order;

import io.booking.shared.order.OrderPlaced;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

class OrderTest {

    private static final Instant NOW = Instant.parse("2026-06-01T09:00:00Z");

    @Test
    void anOrderRecordsItsBookingsTheirPricesAndTheTotalWhenPlaced() {
        AggregateTestFixture<Order> fixture = new AggregateTestFixture<>(Order.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        List<OrderPlaced.Line> lines = List.of(
                new OrderPlaced.Line("b-1", "ABCD-EFGH", "ev-1", "adult", 2, new BigDecimal("25.00")),
                new OrderPlaced.Line("b-2", "JKMN-PQRS", "ev-2", "child", 1, new BigDecimal("10.00")));
        fixture.givenNoPriorActivity()
                .when(new RecordOrder("o-1", "ORD-TUVW-XYZ2", "c-1", lines, new BigDecimal("60.00")))
                .expectEvents(new OrderPlaced("o-1", "ORD-TUVW-XYZ2", "c-1", lines, new BigDecimal("60.00"), NOW));
    }
}
