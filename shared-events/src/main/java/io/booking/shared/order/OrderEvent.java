package io.booking.shared.order;

/** The events of one order's stream. */
public sealed interface OrderEvent permits OrderPlaced {

    String orderId();
}
