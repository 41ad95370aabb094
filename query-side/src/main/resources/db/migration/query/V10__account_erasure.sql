-- Account erasure (processing group "bookings"). A deleted customer's bookings stay for reports, flagged, with their
-- attendee names and answers replaced by the erased marker.
alter table booking add column customer_deleted boolean not null default false;

-- Who was deleted (ids only): a booking projected after the customer's AccountDeleted, as segments and replays may
-- do, is stored erased and flagged at once.
create table deleted_customer (
    customer_id varchar(64) primary key,
    deleted_at  timestamp(6) with time zone not null
);
