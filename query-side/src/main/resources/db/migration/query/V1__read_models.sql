-- Axon's token store of the query side's streaming processors (same shape as the command side's).
create table token_entry (
    processor_name varchar(255) not null,
    segment        integer      not null,
    token          bytea,
    token_type     varchar(255),
    timestamp      varchar(255),
    owner          varchar(255),
    primary key (processor_name, segment)
);

-- Public listing (processing group "events").
create table listed_event (
    event_id                  varchar(64)  primary key,
    title                     varchar(255) not null,
    description               text,
    starts_at                 timestamp(6) with time zone not null,
    ends_at                   timestamp(6) with time zone not null,
    location                  varchar(255),
    organiser_name            varchar(255),
    organiser_contact         varchar(255),
    status                    varchar(32)  not null,
    transfers_allowed         boolean      not null,
    cancellations_allowed     boolean      not null,
    cancellation_cutoff_hours integer      not null
);
create index listed_event_status_start on listed_event (status, starts_at, event_id);

create table listed_ticket_type (
    event_id       varchar(64)   not null references listed_event on delete cascade,
    position       integer       not null,
    ticket_type_id varchar(64)   not null,
    name           varchar(255)  not null,
    price          numeric(12, 2) not null,
    capacity       integer       not null,
    seats_left     integer       not null,
    primary key (event_id, position)
);

-- Bookings read model (processing group "bookings"): its own copy of what a booking row shows of its event,
-- so it can be replayed on its own.
create table booking_occurrence (
    event_id                  varchar(64)  primary key,
    title                     varchar(255) not null,
    starts_at                 timestamp(6) with time zone not null,
    ends_at                   timestamp(6) with time zone not null,
    location                  varchar(255),
    organiser_name            varchar(255),
    organiser_contact         varchar(255),
    transfers_allowed         boolean      not null,
    cancellations_allowed     boolean      not null,
    cancellation_cutoff_hours integer      not null
);

create table booking_occurrence_ticket_type (
    event_id       varchar(64)    not null references booking_occurrence on delete cascade,
    position       integer        not null,
    ticket_type_id varchar(64)    not null,
    name           varchar(255)   not null,
    price          numeric(12, 2) not null,
    primary key (event_id, position)
);

create table booking (
    booking_id     varchar(64) primary key,
    reference      varchar(32) not null unique,
    customer_id    varchar(64) not null,
    event_id       varchar(64) not null,
    ticket_type_id varchar(64) not null,
    status         varchar(32) not null,
    booked_at      timestamp(6) with time zone not null
);
create index booking_customer on booking (customer_id);
create index booking_event on booking (event_id);

create table booking_ticket (
    booking_id    varchar(64)  not null references booking on delete cascade,
    position      integer      not null,
    ticket_id     varchar(64)  not null,
    attendee_name varchar(255) not null,
    child         boolean      not null,
    primary key (booking_id, position)
);

create table booking_answer (
    booking_id varchar(64)   not null references booking on delete cascade,
    position   integer       not null,
    question   varchar(1000) not null,
    answer     text,
    primary key (booking_id, position)
);
