package io.booking.shared.booking;

/** Whether a ticket's attendee came: {@code BOOKED} until someone records it. */
public enum Attendance {
    BOOKED,
    ATTENDED,
    NO_SHOW
}
