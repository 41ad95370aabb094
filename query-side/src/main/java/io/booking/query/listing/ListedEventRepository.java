package io.booking.query.listing;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface ListedEventRepository extends JpaRepository<ListedEvent, String> {

    Page<ListedEvent> findByStatusOrderByStartsAtAscEventIdAsc(String status, Pageable pageable);
}
