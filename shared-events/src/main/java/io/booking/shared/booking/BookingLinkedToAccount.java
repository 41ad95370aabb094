package io.booking.shared.booking;

import java.time.Instant;
import java.util.List;

/**
 * An admin moved a guest booking under an account: from now on it is the account's booking. Its attendee names and
 * answers are sealed again with the account's key (the guest's key may go), so the account holder keeps seeing them.
 *
 * @param tickets          every ticket of the booking, its attendee name sealed with the account's key
 * @param answers          the booking form's answers, sealed with the account's key
 * @param guestContactKept whether the guest's copy of the contact details (sealed with the guest's key) was kept;
 *                         when false the guest's key was destroyed in the same transaction
 */
public record BookingLinkedToAccount(
        String bookingId,
        String guestId,
        String accountId,
        List<BookedTicket> tickets,
        List<FormAnswer> answers,
        boolean guestContactKept,
        Instant linkedAt)
        implements BookingEvent {}
