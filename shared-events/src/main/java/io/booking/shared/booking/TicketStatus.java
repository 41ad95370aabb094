package io.booking.shared.booking;

/** Whether a ticket still holds its seat. */
public enum TicketStatus {
    BOOKED,
    CANCELLED;

    public boolean holdsSeat() {
        return switch (this) {
            case BOOKED -> true;
            case CANCELLED -> false;
        };
    }
}
