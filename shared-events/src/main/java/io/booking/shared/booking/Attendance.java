package io.booking.shared.booking;

/** Whether a ticket's attendee came: {@code BOOKED} until someone records it. */
public enum Attendance {
    BOOKED,
    ATTENDED,
    NO_SHOW;

    /** Attendance is per event: a ticket moved to another event starts unmarked there, within its event it keeps it. */
    public static Attendance afterMove(Attendance attendance, String fromEventId, String toEventId) {
        return java.util.Objects.equals(fromEventId, toEventId) ? attendance : BOOKED;
    }
}
