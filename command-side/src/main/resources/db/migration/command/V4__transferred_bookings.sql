-- Cancelling an event also finds the bookings whose tickets were moved to it.
create table booking_transfer (
    booking_id    varchar(64) not null,
    occurrence_id varchar(64) not null,
    primary key (booking_id, occurrence_id)
);
create index booking_transfer_occurrence on booking_transfer (occurrence_id);
