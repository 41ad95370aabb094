-- Password reset: at most one open code per account, stored hashed (bcrypt), with its expiry and failed attempts.
-- Deleting the credential (DeleteAccount) deletes the code.
create table password_reset (
    account_id varchar(64)  primary key references credential (account_id) on delete cascade,
    code_hash  varchar(255) not null,
    expires_at timestamptz  not null,
    attempts   integer      not null default 0,
    created_at timestamptz  not null default now()
);

-- Tokens carry the password version they were issued under; a token of an older version is refused.
alter table credential add column password_version integer not null default 0;
alter table credential add column password_changed_at timestamptz;
