-- Guest bookings: each guest booking is its own data subject (subject id and key in personal_data_key). The manage
-- link's token is kept only as its SHA-256 hash; it is cleared when the booking is linked to an account or the
-- guest's data is erased, and then grants nothing.
create table guest_booking (
    booking_id  varchar(64) primary key,
    guest_id    varchar(64) not null unique,
    token_hash  varchar(64) unique,
    created_at  timestamptz not null default now()
);

-- Invitations to set a password on an account an admin created: one-time (the row goes when used), expiring; the
-- token is kept only as its SHA-256 hash.
create table account_invitation (
    token_hash  varchar(64) primary key,
    account_id  varchar(64) not null,
    expires_at  timestamptz not null,
    created_at  timestamptz not null default now()
);
create index account_invitation_account on account_invitation (account_id);
