-- Writes sent with an Idempotency-Key header (IdempotentRequests): the first answer is kept for a day and given again
-- to the same request with the same key; the same key with another request is refused.
create table idempotent_request (
    caller       varchar(64)  not null,
    key          varchar(255) not null,
    request_hash bytea        not null,
    -- null while the first request is being served
    status       integer,
    content_type varchar(255),
    location     varchar(2048),
    position     bigint,
    body         bytea,
    created_at   timestamptz  not null default now(),
    primary key (caller, key)
);
create index idempotent_request_created on idempotent_request (created_at);
