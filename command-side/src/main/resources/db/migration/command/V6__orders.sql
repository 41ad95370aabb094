-- An order id (chosen by the client) is used once; an order reference is unique. The total answers a retry.
create table order_reference (
    order_id    varchar(64)    primary key,
    reference   varchar(16)    not null unique,
    customer_id varchar(64)    not null,
    fingerprint text           not null,
    total       numeric(14, 2),
    created_at  timestamptz    not null default now()
);
