-- Mails to send, written in the transaction of the change that causes them and drained by the sender.
-- Recipient, subject line and body are sealed with the data subject's key (base64 of IV + AES-GCM ciphertext), so
-- destroying the key (DeleteAccount) shreds unsent mails too. Once a mail is done they are blanked; the row stays
-- for audit: what kind of mail, for whom (an id), when it went.
create table outbox (
    id              bigserial    primary key,
    kind            varchar(32)  not null,
    subject_id      varchar(64)  not null,
    recipient       text,
    subject_line    text,
    body            text,
    -- PENDING until SENT; ERASED when the subject's key was destroyed first; EXPIRED when not sent by not_after
    status          varchar(16)  not null default 'PENDING',
    attempts        integer      not null default 0,
    created_at      timestamptz  not null default now(),
    next_attempt_at timestamptz  not null default now(),
    not_after       timestamptz,
    sent_at         timestamptz
);

create index outbox_due on outbox (next_attempt_at) where status = 'PENDING';
