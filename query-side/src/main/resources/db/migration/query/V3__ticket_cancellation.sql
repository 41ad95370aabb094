-- A ticket can be cancelled on its own; the booking stays active while it has other tickets.
alter table booking_ticket add column status varchar(16) not null default 'BOOKED';
