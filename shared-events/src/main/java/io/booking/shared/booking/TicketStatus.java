package io.booking.shared.booking;

/** Whether a ticket still holds its seat. */
public enum TicketStatus {
    BOOKED,
    CANCELLED
}
