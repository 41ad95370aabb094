-- A cancelled booking stays, with when, by whom and why; it leaves the Upcoming tab.
alter table booking add column cancelled_at        timestamp(6) with time zone;
alter table booking add column cancelled_by        varchar(16);
alter table booking add column cancellation_reason varchar(500);
create index booking_customer_status on booking (customer_id, status);
