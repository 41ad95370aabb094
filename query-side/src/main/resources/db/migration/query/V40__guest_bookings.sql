-- Guest bookings (processing group "bookings"): the guest's subject id, also once the booking is linked to an account
-- (customer_id is then the account's). A guest's contact is a customer_contact row keyed by the guest's subject id.
alter table booking add column guest_id varchar(64);
