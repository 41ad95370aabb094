package io.booking.command.booking;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

/**
 * The set-based rules of bookings, kept in {@code booking_reference} in the transaction of the booking: a reference is
 * unique, and a client-chosen booking id is used once.
 */
@Component
public class BookingReferences {

    /** No 0/O, 1/I/L: a reference is read out over the phone. */
    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;

    public BookingReferences(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A new random reference, for a booking or an order. */
    public static String newReference() {
        StringBuilder reference = new StringBuilder(9);
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                reference.append('-');
            }
            reference.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return reference.toString();
    }

    /**
     * Claims the booking id with a new reference, or tells what it was already used for. A concurrent claim of the
     * same id waits for the first transaction and then sees its row.
     */
    public Claim claim(BookTickets command) {
        while (true) {
            String reference = newReference();
            int inserted = jdbc.update("""
                    insert into booking_reference (booking_id, reference, customer_id, occurrence_id, ticket_type_id, quantity)
                    values (?, ?, ?, ?, ?, ?) on conflict do nothing""",
                    command.bookingId(), reference, command.customerId(), command.occurrenceId(),
                    command.ticketTypeId(), command.attendees().size());
            if (inserted == 1) {
                return new Claim(reference, Optional.empty());
            }
            Optional<Existing> existing = find(command.bookingId());
            if (existing.isPresent()) {
                return new Claim(existing.get().reference(), existing);
            }
            // the reference was taken by another booking: draw again
        }
    }

    /** Every booking that ever held tickets of an event, booked there or moved there, active or not. */
    public List<String> bookingsOf(String occurrenceId) {
        return jdbc.queryForList("""
                select booking_id from booking_reference where occurrence_id = ?
                union
                select booking_id from booking_transfer where occurrence_id = ?""",
                String.class, occurrenceId, occurrenceId);
    }

    /** Every booking a customer ever made, active or not; a transfer keeps its customer. */
    public List<String> bookingsOfCustomer(String customerId) {
        return jdbc.queryForList("select booking_id from booking_reference where customer_id = ? order by booking_id",
                String.class, customerId);
    }

    /** Remembers that tickets of the booking were moved to an event; in the transaction of the transfer. */
    public void placedAt(String bookingId, String occurrenceId) {
        jdbc.update("insert into booking_transfer (booking_id, occurrence_id) values (?, ?) on conflict do nothing",
                bookingId, occurrenceId);
    }

    /** A guest booking now belongs to an account: its customer changes here too, as DeleteAccount finds bookings here. */
    public void movedTo(String bookingId, String accountId) {
        jdbc.update("update booking_reference set customer_id = ? where booking_id = ?", accountId, bookingId);
    }

    public Optional<Existing> find(String bookingId) {
        List<Existing> rows = jdbc.query("""
                        select reference, customer_id, occurrence_id, ticket_type_id, quantity
                        from booking_reference where booking_id = ?""",
                (rs, i) -> new Existing(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)),
                bookingId);
        return rows.stream().findFirst();
    }

    public record Claim(String reference, Optional<Existing> existing) {
    }

    public record Existing(String reference, String customerId, String occurrenceId, String ticketTypeId, int quantity) {

        public boolean sameRequestAs(BookTickets command) {
            return customerId.equals(command.customerId()) && occurrenceId.equals(command.occurrenceId())
                    && ticketTypeId.equals(command.ticketTypeId()) && quantity == command.attendees().size();
        }

        /** A guest's retry: every guest booking has a subject of its own, so the customer cannot be compared. */
        public boolean sameGuestRequestAs(BookTickets command) {
            return occurrenceId.equals(command.occurrenceId()) && ticketTypeId.equals(command.ticketTypeId())
                    && quantity == command.attendees().size();
        }
    }
}
