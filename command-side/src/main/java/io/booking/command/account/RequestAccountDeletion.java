package io.booking.command.account;

/**
 * A customer (having confirmed with their password) or an admin asks to delete an account.
 *
 * @param cancelUpcomingBookings cancel the account's active bookings of events not yet started in the same step;
 *                               without it such bookings refuse the deletion
 */
public record RequestAccountDeletion(
        String accountId, String requesterId, boolean byAdmin, boolean cancelUpcomingBookings) {}
