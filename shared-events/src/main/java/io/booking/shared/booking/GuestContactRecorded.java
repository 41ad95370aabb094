package io.booking.shared.booking;

import io.booking.shared.personal.PersonalData;

import java.time.Instant;

/**
 * A guest (no account) booked: how to reach them, sealed with the guest's own key. Recorded with the booking's
 * {@code TicketsBooked}, whose customer id is the guest's subject id.
 *
 * @param guestId the guest's data subject id: a new one, with a new key, for every guest booking
 */
public record GuestContactRecorded(
        String bookingId, String guestId, PersonalData name, PersonalData email, PersonalData phone, Instant recordedAt)
        implements BookingEvent {}
