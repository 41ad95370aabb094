package io.booking.query.order;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

interface CustomerOrderRepository extends JpaRepository<CustomerOrder, String> {

    Optional<CustomerOrder> findByReference(String reference);

    Page<CustomerOrder> findByCustomerIdOrderByPlacedAtDescOrderIdAsc(String customerId, Pageable pageable);
}
