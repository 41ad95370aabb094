package io.booking.shared.booking;

/** Where a booking (or an order, from its bookings) stands, from its tickets' {@link TicketStatus}. */
public enum BookingStatus {
    BOOKED,
    /** some of its tickets are cancelled, others still booked */
    PARTLY_CANCELLED,
    CANCELLED;

    /** @return the status of a booking with {@code cancelled} of its {@code all} tickets cancelled (or an order's) */
    public static BookingStatus of(long cancelled, long all) {
        return cancelled == 0 ? BOOKED : cancelled == all ? CANCELLED : PARTLY_CANCELLED;
    }
}
