package io.booking.shared.account;

public enum Role {
    CUSTOMER,
    ADMIN
}
