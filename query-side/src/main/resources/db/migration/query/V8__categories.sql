-- An event's category (the portals' "service") narrows the listing and the portal tabs.
alter table listed_event add column category varchar(100);
create index listed_event_category on listed_event (lower(category), status, starts_at);
alter table booking_occurrence add column category varchar(100);
