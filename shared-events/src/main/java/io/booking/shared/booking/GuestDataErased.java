package io.booking.shared.booking;

import java.time.Instant;

/**
 * An admin erased a guest's personal data: the guest's key was destroyed in the same transaction, so everything it
 * sealed (contact details, and the attendee names and answers of a booking still the guest's) reads as erased. The
 * booking stays, counted in reports.
 */
public record GuestDataErased(String bookingId, String guestId, Instant erasedAt) implements BookingEvent {}
