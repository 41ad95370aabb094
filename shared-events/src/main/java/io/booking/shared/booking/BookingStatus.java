package io.booking.shared.booking;

/** Where a booking (or an order, from its bookings) stands, from its tickets' {@link TicketStatus}. */
public enum BookingStatus {
    BOOKED,
    /** some of its tickets are cancelled, others still booked */
    PARTLY_CANCELLED,
    CANCELLED
}
