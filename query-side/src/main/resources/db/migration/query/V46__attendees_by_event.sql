-- An event's attendee list (GET /api/admin/events/{eventId}/attendees): its booked tickets, where each is now.
create index booking_ticket_event on booking_ticket (event_id, status);
