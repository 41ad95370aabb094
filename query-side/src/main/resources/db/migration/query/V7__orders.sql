-- Orders (processing group "bookings"): what was checked out together, at what prices. Each booking's status is
-- the booking's own, joined when queried.
create table customer_order (
    order_id    varchar(64)    primary key,
    reference   varchar(32)    not null unique,
    customer_id varchar(64)    not null,
    placed_at   timestamp(6) with time zone not null,
    total       numeric(14, 2) not null
);
create index customer_order_customer on customer_order (customer_id, placed_at desc);

create table customer_order_line (
    order_id          varchar(64)    not null references customer_order on delete cascade,
    position          integer        not null,
    booking_id        varchar(64)    not null,
    booking_reference varchar(32)    not null,
    event_id          varchar(64)    not null,
    ticket_type_id    varchar(64)    not null,
    quantity          integer        not null,
    unit_price        numeric(12, 2) not null,
    primary key (order_id, position)
);
