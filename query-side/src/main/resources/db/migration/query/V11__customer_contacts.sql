-- The booking contact shown in booking details (processing group "bookings"): a customer's name, email and phone,
-- opened when projected; the row is deleted when the account is.
create table customer_contact (
    customer_id varchar(64) primary key,
    name        varchar(255),
    email       varchar(320),
    phone       varchar(64)
);
