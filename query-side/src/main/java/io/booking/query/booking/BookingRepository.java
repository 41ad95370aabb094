package io.booking.query.booking;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.time.Instant;
import java.util.Optional;

interface BookingRepository extends JpaRepository<Booking, String> {

    Optional<Booking> findByReference(String reference);

    @Query(value = """
            select b from Booking b, BookingOccurrence o
            where o.eventId = b.eventId and b.customerId = :customerId and o.endsAt > :now and b.status = 'BOOKED'
            order by o.startsAt, b.bookedAt, b.bookingId""",
            countQuery = """
            select count(b) from Booking b, BookingOccurrence o
            where o.eventId = b.eventId and b.customerId = :customerId and o.endsAt > :now and b.status = 'BOOKED'""")
    Page<Booking> findUpcoming(@Param("customerId") String customerId, @Param("now") Instant now, Pageable pageable);

    /** The Past tab: bookings of events that have ended, most recent first. */
    @Query(value = """
            select b from Booking b, BookingOccurrence o
            where o.eventId = b.eventId and b.customerId = :customerId and o.endsAt <= :now
            order by o.startsAt desc, b.bookedAt, b.bookingId""",
            countQuery = """
            select count(b) from Booking b, BookingOccurrence o
            where o.eventId = b.eventId and b.customerId = :customerId and o.endsAt <= :now""")
    Page<Booking> findPast(@Param("customerId") String customerId, @Param("now") Instant now, Pageable pageable);

    /** The Cancelled tab: bookings with a cancelled ticket (all of them, for a cancelled booking), newest first. */
    @Query(value = """
            select b from Booking b where b.customerId = :customerId and exists (
                select t from Booking c join c.tickets t where c.bookingId = b.bookingId and t.status = 'CANCELLED')
            order by b.bookedAt desc, b.bookingId""",
            countQuery = """
            select count(b) from Booking b where b.customerId = :customerId and exists (
                select t from Booking c join c.tickets t where c.bookingId = b.bookingId and t.status = 'CANCELLED')""")
    Page<Booking> findCancelled(@Param("customerId") String customerId, Pageable pageable);
}
