-- Report figures (processing group "bookings"), kept up to date with each event so a report reads a row per event
-- instead of summing its bookings. Tickets are counted where they are now; a booking counts at each event it has a
-- ticket at. The *_day tables hold each day's change of the same figures (UTC days of when it happened), so a day's
-- rows add up to the totals. Revenue is not stored: it is tickets booked times the ticket type's price, joined when
-- read, because a booking may be projected before its event's prices are.
create table report_event (
    event_id          varchar(64) primary key,
    bookings          bigint not null,
    deleted_customers bigint not null,
    guest_bookings    bigint not null
);

create table report_ticket_type (
    event_id          varchar(64) not null,
    ticket_type_id    varchar(64) not null,
    tickets_booked    bigint not null,
    tickets_cancelled bigint not null,
    attended          bigint not null,
    no_shows          bigint not null,
    primary key (event_id, ticket_type_id)
);

create table report_event_day (
    event_id          varchar(64) not null,
    day               date        not null,
    bookings          bigint not null,
    deleted_customers bigint not null,
    guest_bookings    bigint not null,
    primary key (event_id, day)
);
create index report_event_day_day on report_event_day (day);

create table report_ticket_type_day (
    event_id          varchar(64) not null,
    ticket_type_id    varchar(64) not null,
    day               date        not null,
    tickets_booked    bigint not null,
    tickets_cancelled bigint not null,
    attended          bigint not null,
    no_shows          bigint not null,
    primary key (event_id, ticket_type_id, day)
);
create index report_ticket_type_day_day on report_ticket_type_day (day);

-- The report's filter: events by start, by category.
create index booking_occurrence_start on booking_occurrence (starts_at, event_id);
create index booking_occurrence_category on booking_occurrence (lower(category), starts_at);

-- Figures of the bookings already projected, as they stand; their history before this migration is dated by the day
-- each booking was made.
insert into report_event
select t.event_id, count(distinct t.booking_id),
       count(distinct t.booking_id) filter (where b.customer_deleted),
       count(distinct t.booking_id) filter (where b.guest_id is not null)
from booking_ticket t join booking b on b.booking_id = t.booking_id
group by t.event_id;

insert into report_ticket_type
select t.event_id, t.ticket_type_id,
       count(*) filter (where t.status = 'BOOKED'),
       count(*) filter (where t.status = 'CANCELLED'),
       count(*) filter (where t.status = 'BOOKED' and t.attendance = 'ATTENDED'),
       count(*) filter (where t.status = 'BOOKED' and t.attendance = 'NO_SHOW')
from booking_ticket t
group by t.event_id, t.ticket_type_id;

insert into report_event_day
select t.event_id, (b.booked_at at time zone 'UTC')::date, count(distinct t.booking_id),
       count(distinct t.booking_id) filter (where b.customer_deleted),
       count(distinct t.booking_id) filter (where b.guest_id is not null)
from booking_ticket t join booking b on b.booking_id = t.booking_id
group by 1, 2;

insert into report_ticket_type_day
select t.event_id, t.ticket_type_id, (b.booked_at at time zone 'UTC')::date,
       count(*) filter (where t.status = 'BOOKED'),
       count(*) filter (where t.status = 'CANCELLED'),
       count(*) filter (where t.status = 'BOOKED' and t.attendance = 'ATTENDED'),
       count(*) filter (where t.status = 'BOOKED' and t.attendance = 'NO_SHOW')
from booking_ticket t join booking b on b.booking_id = t.booking_id
group by 1, 2, 3;
