package io.booking.shared.booking;

/** The events of one booking's stream. */
public sealed interface BookingEvent
        permits TicketsBooked,
                BookingCancelled,
                TicketCancelled,
                AttendanceRecorded,
                TicketsTransferred,
                GuestContactRecorded,
                BookingLinkedToAccount,
                GuestDataErased {

    String bookingId();
}
