package io.booking.command.guest;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Which bookings guests made, under which subject id, and the hash of each one's manage-link token
 * ({@code guest_booking}), written in the transaction of the booking, link or erasure.
 */
@Component
public class GuestBookings {

    private final JdbcTemplate jdbc;

    public GuestBookings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void register(String bookingId, String guestId, String tokenHash) {
        jdbc.update(
                "insert into guest_booking (booking_id, guest_id, token_hash) values (?, ?, ?)",
                bookingId,
                guestId,
                tokenHash);
    }

    public boolean isGuestBooking(String bookingId) {
        return !jdbc.queryForList("select guest_id from guest_booking where booking_id = ?", String.class, bookingId)
                .isEmpty();
    }

    /** Locks the guest booking's row until the transaction ends, so a link and an erasure run one after the other. */
    Optional<String> lockGuestOf(String bookingId) {
        return jdbc
                .queryForList(
                        "select guest_id from guest_booking where booking_id = ? for update", String.class, bookingId)
                .stream()
                .findFirst();
    }

    /** The booking a manage-link token grants, while it still does. */
    Optional<Grant> grantOf(String tokenHash) {
        return jdbc
                .query("""
                        select g.booking_id, g.guest_id, r.reference from guest_booking g
                        join booking_reference r on r.booking_id = g.booking_id
                        where g.token_hash = ? and r.customer_id = g.guest_id""", (rs, i) -> new Grant(rs.getString(1), rs.getString(2), rs.getString(3)), tokenHash)
                .stream()
                .findFirst();
    }

    /** The manage link grants nothing from the commit on (the booking was linked, or the guest erased). */
    void revokeLink(String bookingId) {
        jdbc.update("update guest_booking set token_hash = null where booking_id = ?", bookingId);
    }

    record Grant(String bookingId, String guestId, String reference) {}
}
