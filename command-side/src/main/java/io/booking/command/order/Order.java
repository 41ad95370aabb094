package io.booking.command.order;

import io.booking.shared.order.OrderPlaced;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One checkout: which bookings it placed and what it cost. The bookings themselves change on their own. */
@Aggregate
public class Order {

    @AggregateIdentifier
    private String orderId;

    protected Order() {
        // for Axon
    }

    @CommandHandler
    public Order(RecordOrder command, Clock clock) {
        apply(new OrderPlaced(
                command.orderId(),
                command.reference(),
                command.customerId(),
                command.lines(),
                command.total(),
                clock.instant()));
    }

    @EventSourcingHandler
    void on(OrderPlaced event) {
        orderId = event.orderId();
    }
}
