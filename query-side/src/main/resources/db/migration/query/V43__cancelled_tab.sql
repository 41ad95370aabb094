-- The Cancelled tab lists bookings with a cancelled ticket: a flag on the booking, so a customer of thousands of
-- bookings does not look into each one's tickets.
alter table booking add column has_cancelled_tickets boolean not null default false;
update booking b set has_cancelled_tickets = true
where exists (select 1 from booking_ticket t where t.booking_id = b.booking_id and t.status = 'CANCELLED');
create index booking_customer_cancelled on booking (customer_id, booked_at desc) where has_cancelled_tickets;
