-- Codes asked for per account within a window: past the limit a request mails nothing (and still answers 202), so
-- nobody can flood a mailbox or buy unlimited guesses by asking for code after code.
alter table password_reset add column requests integer not null default 1;
alter table password_reset add column window_started_at timestamptz not null default now();
