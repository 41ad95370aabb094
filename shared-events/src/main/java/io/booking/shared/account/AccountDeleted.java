package io.booking.shared.account;

import java.time.Instant;

/**
 * An account was deleted: its personal-data key was destroyed in the same transaction, so every field it sealed now
 * reads as erased, and its email is free again. Its bookings stay, counted as a deleted customer's.
 *
 * @param deletedBy         {@code customer} or {@code admin}
 * @param cancelledBookings how many of its upcoming bookings were cancelled in the same step
 */
public record AccountDeleted(String accountId, String deletedBy, int cancelledBookings, Instant deletedAt)
        implements AccountEvent {}
