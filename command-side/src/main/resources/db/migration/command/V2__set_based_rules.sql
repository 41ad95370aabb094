-- Set-based rules, written in the same transaction as the events they guard.

-- A booking id (chosen by the client) is used once; a reference is unique and short.
create table booking_reference (
    booking_id     varchar(64) primary key,
    reference      varchar(16) not null unique,
    customer_id    varchar(64) not null,
    occurrence_id  varchar(64) not null,
    ticket_type_id varchar(64) not null,
    quantity       integer     not null,
    created_at     timestamptz not null default now()
);

-- Credentials are command-side state, never events. One live account per email, compared case-insensitively.
create table credential (
    account_id    varchar(64)  primary key,
    email_lower   varchar(320) not null unique,
    password_hash varchar(255),
    role          varchar(16)  not null,
    created_at    timestamptz  not null default now()
);

-- The RSA key that signs access tokens, shared by every command-side instance.
create table signing_key (
    key_id      varchar(64) primary key,
    jwk         text        not null,
    created_at  timestamptz not null default now()
);
