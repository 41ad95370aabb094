package io.booking.query.booking;

import jakarta.persistence.LockModeType;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

interface BookingRepository extends JpaRepository<Booking, String> {

    Optional<Booking> findByReference(String reference);

    /** A reference as someone typed it: references are given out in capitals, a reader may type them in lower case. */
    default Optional<Booking> findByReferenceAsTyped(String reference) {
        return findByReference(reference).or(() -> findByReference(reference.toUpperCase(Locale.ROOT)));
    }

    /**
     * Bookings, their rows locked until the transaction ends, in one order to spare deadlocks. A batch of events loads
     * all the existing bookings it changes so, at its start: the customer's AccountDeleted, handled in another segment
     * (it is another aggregate's event), changes the same rows. The handlers then find them in the persistence context.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select b from Booking b where b.bookingId in :bookingIds order by b.bookingId")
    List<Booking> lockAll(@Param("bookingIds") Collection<String> bookingIds);

    /** A customer's bookings, their rows locked until the transaction ends, in one order to spare deadlocks. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select b from Booking b where b.customerId = :customerId order by b.bookingId")
    List<Booking> lockAllOfCustomer(@Param("customerId") String customerId);

    /**
     * The bookings of a customer with their events, narrowed by a {@link TabFilter}; a filter not given ('%') is not
     * evaluated per row (PostgreSQL stops at the first true term of an or), which spares a customer of thousands of
     * bookings a subquery per booking.
     */
    String OF_CUSTOMER = """
            from Booking b, BookingOccurrence o
            where o.eventId = b.eventId and b.customerId = :customerId
              and o.startsAt >= :from and o.startsAt < :to
              and (:category = '%' or coalesce(lower(o.category), '') like :category escape '\\')
              and (:text = '%' or lower(o.title) like :text escape '\\' or lower(o.location) like :text escape '\\'
                   or lower(b.reference) like :text escape '\\' or exists (
                      select t from Booking a join a.tickets t
                      where a.bookingId = b.bookingId and lower(t.attendeeName) like :text escape '\\'))
            """;

    String UPCOMING = " and o.endsAt > :now and b.status = io.booking.shared.booking.BookingStatus.BOOKED";
    String PAST = " and o.endsAt <= :now";
    String CANCELLED = " and b.hasCancelledTickets = true";

    /** The Upcoming tab: active bookings of events not yet ended, soonest first. */
    @Query(
            value = "select b " + OF_CUSTOMER + UPCOMING + " order by o.startsAt, b.bookedAt, b.bookingId",
            countQuery = "select count(b) " + OF_CUSTOMER + UPCOMING)
    Page<Booking> findUpcoming(
            @Param("customerId") String customerId,
            @Param("now") Instant now,
            @Param("text") String text,
            @Param("from") Instant from,
            @Param("to") Instant to,
            @Param("category") String category,
            Pageable pageable);

    /** The Past tab: bookings of events that have ended, most recent first. */
    @Query(
            value = "select b " + OF_CUSTOMER + PAST + " order by o.startsAt desc, b.bookedAt, b.bookingId",
            countQuery = "select count(b) " + OF_CUSTOMER + PAST)
    Page<Booking> findPast(
            @Param("customerId") String customerId,
            @Param("now") Instant now,
            @Param("text") String text,
            @Param("from") Instant from,
            @Param("to") Instant to,
            @Param("category") String category,
            Pageable pageable);

    /** The Cancelled tab: bookings with a cancelled ticket (all of them, for a cancelled booking), newest first. */
    @Query(
            value = "select b " + OF_CUSTOMER + CANCELLED + " order by b.bookedAt desc, b.bookingId",
            countQuery = "select count(b) " + OF_CUSTOMER + CANCELLED)
    Page<Booking> findCancelled(
            @Param("customerId") String customerId,
            @Param("text") String text,
            @Param("from") Instant from,
            @Param("to") Instant to,
            @Param("category") String category,
            Pageable pageable);
}
