-- Whether each ticket's attendee came, for the Past tab.
alter table booking_ticket add column attendance varchar(16) not null default 'BOOKED';
