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

    /** The Cancelled tab: newest cancellation first. */
    Page<Booking> findByCustomerIdAndStatusOrderByCancelledAtDescBookingIdAsc(String customerId, String status,
                                                                             Pageable pageable);
}
