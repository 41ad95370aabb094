-- Which event and ticket type a waiting-list entry (id chosen by the client) belongs to, so the API addresses an
-- entry by its id alone; written in the transaction of the join.
create table waiting_entry (
    entry_id       varchar(64) primary key,
    occurrence_id  varchar(64) not null,
    ticket_type_id varchar(64) not null,
    customer_id    varchar(64) not null,
    quantity       integer     not null,
    created_at     timestamptz not null default now()
);
