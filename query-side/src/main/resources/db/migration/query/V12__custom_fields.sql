-- The organiser's own account fields of the booking contact, opened when projected (JSON object of text values).
alter table customer_contact add column custom_fields text;
