-- The Past and Cancelled tabs say whether the event itself was called off.
alter table booking_occurrence add column cancelled boolean not null default false;
