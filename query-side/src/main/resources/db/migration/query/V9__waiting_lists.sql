-- Waiting lists (processing group "waiting-lists"): every entry with its state, in join order per ticket type.
-- status: WAITING, OFFERED, BOOKED, DECLINED, EXPIRED, LEFT, CLOSED (the event was cancelled)
create table waiting_entry (
    entry_id         varchar(64) primary key,
    event_id         varchar(64) not null,
    ticket_type_id   varchar(64) not null,
    customer_id      varchar(64) not null,
    quantity         integer     not null,
    join_sequence    bigint      not null,
    joined_at        timestamp(6) with time zone not null,
    status           varchar(16) not null,
    offered_at       timestamp(6) with time zone,
    offer_expires_at timestamp(6) with time zone,
    booking_id       varchar(64),
    ended_at         timestamp(6) with time zone
);
create index waiting_entry_customer on waiting_entry (customer_id, joined_at);
create index waiting_entry_line on waiting_entry (event_id, ticket_type_id, join_sequence);
