package io.booking.query.booking;

import org.springframework.data.jpa.repository.JpaRepository;

interface BookingOccurrenceRepository extends JpaRepository<BookingOccurrence, String> {}
