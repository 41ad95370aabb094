-- A ticket can be moved to another event or ticket type; each ticket says where it is now.
alter table booking_ticket add column event_id       varchar(64);
alter table booking_ticket add column ticket_type_id varchar(64);
update booking_ticket t set event_id = b.event_id, ticket_type_id = b.ticket_type_id
  from booking b where b.booking_id = t.booking_id;
alter table booking_ticket alter column event_id set not null;
alter table booking_ticket alter column ticket_type_id set not null;

-- The booking's transfer history, oldest first.
create table booking_transfer (
    booking_id          varchar(64)  not null references booking on delete cascade,
    position            integer      not null,
    ticket_ids          text         not null,
    from_event_id       varchar(64)  not null,
    from_ticket_type_id varchar(64)  not null,
    to_event_id         varchar(64)  not null,
    to_ticket_type_id   varchar(64)  not null,
    transferred_by      varchar(16)  not null,
    transferred_at      timestamp(6) with time zone not null,
    primary key (booking_id, position)
);
