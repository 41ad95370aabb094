package io.booking.shared.occurrence;

/** Where a place on an event's waiting list stands. */
public enum WaitingEntryStatus {
    WAITING,
    /** seats are held for it until the offer expires */
    OFFERED,
    /** its offer was taken: a booking holds the seats */
    BOOKED,
    DECLINED,
    EXPIRED,
    LEFT,
    /** the event was cancelled while it waited */
    CLOSED
}
