-- Back-office search by substring and small typos: PostgreSQL's trigram indexes serve "contains" (LIKE '%...%') and
-- "similar to" (word similarity) without reading every row.
-- In public, not in the read models' schema: a rebuilt generation of them (a schema of its own) uses the same one.
create extension if not exists pg_trgm with schema public;

create index customer_contact_name_trgm on customer_contact using gin (lower(name) public.gin_trgm_ops);
create index customer_contact_email_trgm on customer_contact using gin (lower(email) public.gin_trgm_ops);
create index customer_contact_phone_trgm on customer_contact using gin (lower(phone) public.gin_trgm_ops);
create index booking_reference_trgm on booking using gin (lower(reference) public.gin_trgm_ops);
create index booking_ticket_attendee_trgm on booking_ticket using gin (lower(attendee_name) public.gin_trgm_ops);
-- whether a contact is a guest's
create index booking_guest on booking (guest_id) where guest_id is not null;
