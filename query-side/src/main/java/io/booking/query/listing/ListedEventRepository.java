package io.booking.query.listing;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;

interface ListedEventRepository extends JpaRepository<ListedEvent, String> {

    Page<ListedEvent> findByStatusAndEndsAtAfterOrderByStartsAtAscEventIdAsc(String status, Instant now, Pageable pageable);

    /** One statement per reservation: a sale in full swing must not load and diff the whole event each time. */
    @Modifying
    @Query(nativeQuery = true, value = """
            update listed_ticket_type set seats_left = :seatsLeft
            where event_id = :eventId and ticket_type_id = :ticketTypeId""")
    int setSeatsLeft(String eventId, String ticketTypeId, int seatsLeft);

    @Modifying
    @Query(nativeQuery = true, value = """
            update listed_ticket_type set capacity = :capacity, seats_left = :seatsLeft
            where event_id = :eventId and ticket_type_id = :ticketTypeId""")
    int setCapacity(String eventId, String ticketTypeId, int capacity, int seatsLeft);

    @Modifying
    @Query(nativeQuery = true, value = "update listed_event set status = :status where event_id = :eventId")
    int setStatus(String eventId, String status);
}
