package io.booking.command.order;

import io.booking.shared.order.OrderPlaced;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.util.List;

/** Records the order once every booking in it is placed, in the same unit of work. */
public record RecordOrder(
        @TargetAggregateIdentifier String orderId,
        String reference,
        String customerId,
        List<OrderPlaced.Line> lines,
        BigDecimal total) {}
