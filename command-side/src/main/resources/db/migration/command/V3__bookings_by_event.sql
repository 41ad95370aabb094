-- Cancelling an event finds its bookings here.
create index booking_reference_occurrence on booking_reference (occurrence_id);
