package io.booking.query.listing;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.Optional;

interface ListedEventRepository extends JpaRepository<ListedEvent, String> {

    Page<ListedEvent> findByStatusAndEndsAtAfterOrderByStartsAtAscEventIdAsc(
            String status, Instant now, Pageable pageable);

    Page<ListedEvent> findByStatusAndCategoryIgnoreCaseAndEndsAtAfterOrderByStartsAtAscEventIdAsc(
            String status, String category, Instant now, Pageable pageable);

    /** The soonest date of an event (same title and organiser) that has not started and still has a seat. */
    @Query(nativeQuery = true, value = """
            select e.event_id from listed_event e
            where e.status = 'SCHEDULED' and e.starts_at > :now and e.title = :title
              and e.organiser_name is not distinct from :organiserName
              and exists (select 1 from listed_ticket_type t where t.event_id = e.event_id and t.seats_left > 0)
            order by e.starts_at, e.event_id limit 1""")
    Optional<String> findNextBookable(String title, String organiserName, Instant now);

    @Modifying
    @Query(nativeQuery = true, value = """
            update listed_ticket_type set capacity = :capacity, seats_left = :seatsLeft
            where event_id = :eventId and ticket_type_id = :ticketTypeId""")
    int setCapacity(String eventId, String ticketTypeId, int capacity, int seatsLeft);

    @Modifying
    @Query(nativeQuery = true, value = "update listed_event set status = :status where event_id = :eventId")
    int setStatus(String eventId, String status);
}
