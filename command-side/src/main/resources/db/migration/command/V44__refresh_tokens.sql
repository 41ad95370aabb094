-- Refresh tokens (RefreshTokens): kept hashed, each used once; a login starts a family, each refresh continues it,
-- and a token used twice ends its whole family.
create table refresh_token (
    token_hash       bytea        primary key,
    account_id       varchar(64)  not null,
    family_id        uuid         not null,
    password_version integer      not null,
    expires_at       timestamptz  not null,
    used_at          timestamptz
);
create index refresh_token_family on refresh_token (family_id);
create index refresh_token_account on refresh_token (account_id);
