package io.booking.command.booking;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.sql.Connection;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
            int inserted = jdbc.update(
                    """
                    insert into booking_reference (booking_id, reference, customer_id, occurrence_id, ticket_type_id, quantity)
                    values (?, ?, ?, ?, ?, ?) on conflict do nothing""",
                    command.bookingId(),
                    reference,
                    command.customerId(),
                    command.occurrenceId(),
                    command.ticketTypeId(),
                    command.attendees().size());
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

    /**
     * {@link #claim} for bookings served together, in one statement: a claim per booking id, in the order given. The
     * ids must be distinct.
     */
    public Map<String, Claim> claimAll(List<BookTickets> commands) {
        Map<String, BookTickets> byId = new LinkedHashMap<>();
        Map<String, String> drawn = new HashMap<>();
        commands.forEach(command -> {
            byId.put(command.bookingId(), command);
            drawn.put(command.bookingId(), newReference());
        });
        Set<String> inserted = new HashSet<>(jdbc.query(
                """
                        insert into booking_reference (booking_id, reference, customer_id, occurrence_id, ticket_type_id, quantity)
                        select * from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int[])
                        on conflict do nothing
                        returning booking_id""",
                ps -> {
                    Connection connection = ps.getConnection();
                    List<BookTickets> all = List.copyOf(byId.values());
                    ps.setArray(
                            1,
                            connection.createArrayOf(
                                    "text",
                                    all.stream().map(BookTickets::bookingId).toArray()));
                    ps.setArray(
                            2,
                            connection.createArrayOf(
                                    "text",
                                    all.stream()
                                            .map(c -> drawn.get(c.bookingId()))
                                            .toArray()));
                    ps.setArray(
                            3,
                            connection.createArrayOf(
                                    "text",
                                    all.stream().map(BookTickets::customerId).toArray()));
                    ps.setArray(
                            4,
                            connection.createArrayOf(
                                    "text",
                                    all.stream().map(BookTickets::occurrenceId).toArray()));
                    ps.setArray(
                            5,
                            connection.createArrayOf(
                                    "text",
                                    all.stream().map(BookTickets::ticketTypeId).toArray()));
                    ps.setArray(
                            6,
                            connection.createArrayOf(
                                    "int4",
                                    all.stream().map(c -> c.attendees().size()).toArray()));
                },
                (rs, i) -> rs.getString(1)));
        Map<String, Claim> claims = new HashMap<>();
        byId.forEach((bookingId, command) -> {
            if (inserted.contains(bookingId)) {
                claims.put(bookingId, new Claim(drawn.get(bookingId), Optional.empty()));
            } else {
                // used before, or (rarely) the drawn reference was taken: the one-by-one claim tells which
                claims.put(bookingId, claim(command));
            }
        });
        return claims;
    }

    /** Gives back booking ids claimed in this transaction for bookings that were then refused. */
    public void releaseAll(Collection<String> bookingIds) {
        if (!bookingIds.isEmpty()) {
            jdbc.update(
                    "delete from booking_reference where booking_id = any(?)",
                    ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", bookingIds.toArray())));
        }
    }

    /** Every booking that ever held tickets of an event, booked there or moved there, active or not. */
    public List<String> bookingsOf(String occurrenceId) {
        return jdbc.queryForList("""
                select booking_id from booking_reference where occurrence_id = ?
                union
                select booking_id from booking_transfer where occurrence_id = ?""", String.class, occurrenceId, occurrenceId);
    }

    /** Every booking a customer ever made, active or not; a transfer keeps its customer. */
    public List<String> bookingsOfCustomer(String customerId) {
        return jdbc.queryForList(
                "select booking_id from booking_reference where customer_id = ? order by booking_id",
                String.class,
                customerId);
    }

    /** Remembers that tickets of the booking were moved to an event; in the transaction of the transfer. */
    public void placedAt(String bookingId, String occurrenceId) {
        jdbc.update(
                "insert into booking_transfer (booking_id, occurrence_id) values (?, ?) on conflict do nothing",
                bookingId,
                occurrenceId);
    }

    /** A guest booking now belongs to an account: its customer changes here too, as DeleteAccount finds bookings here. */
    public void movedTo(String bookingId, String accountId) {
        jdbc.update("update booking_reference set customer_id = ? where booking_id = ?", accountId, bookingId);
    }

    public Optional<Existing> find(String bookingId) {
        List<Existing> rows = jdbc.query(
                """
                        select reference, customer_id, occurrence_id, ticket_type_id, quantity
                        from booking_reference where booking_id = ?""",
                (rs, i) ->
                        new Existing(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)),
                bookingId);
        return rows.stream().findFirst();
    }

    public record Claim(String reference, Optional<Existing> existing) {}

    public record Existing(
            String reference, String customerId, String occurrenceId, String ticketTypeId, int quantity) {

        public boolean sameRequestAs(BookTickets command) {
            return customerId.equals(command.customerId())
                    && occurrenceId.equals(command.occurrenceId())
                    && ticketTypeId.equals(command.ticketTypeId())
                    && quantity == command.attendees().size();
        }

        /** A guest's retry: every guest booking has a subject of its own, so the customer cannot be compared. */
        public boolean sameGuestRequestAs(BookTickets command) {
            return occurrenceId.equals(command.occurrenceId())
                    && ticketTypeId.equals(command.ticketTypeId())
                    && quantity == command.attendees().size();
        }
    }
}
