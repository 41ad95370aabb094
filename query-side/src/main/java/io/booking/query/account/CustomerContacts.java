package io.booking.query.account;

import io.booking.query.booking.BookingProjection;
import io.booking.shared.account.AccountDeleted;
import io.booking.shared.account.AccountDetailsChanged;
import io.booking.shared.account.AccountRegistered;
import io.booking.shared.booking.BookingLinkedToAccount;
import io.booking.shared.booking.GuestContactRecorded;
import io.booking.shared.booking.GuestDataErased;
import io.booking.shared.personal.PersonalData;
import io.booking.shared.personal.PersonalDataCipher;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * How to reach the customer who booked: the booking contact of booking details. In the bookings' processing group, so
 * one consistency token covers a booking and its contact. An account's events share one segment, so its deletion is
 * projected after its registration, on replay too, and removes the row.
 */
@Component
@ProcessingGroup(BookingProjection.GROUP)
public class CustomerContacts {

    private final JdbcTemplate jdbc;
    private final PersonalDataCipher cipher;

    CustomerContacts(JdbcTemplate jdbc, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    @EventHandler
    void on(AccountRegistered event) {
        save(event.accountId(), event.name(), event.email(), event.phone());
    }

    @EventHandler
    void on(AccountDetailsChanged event) {
        save(event.accountId(), event.name(), event.email(), event.phone());
    }

    @EventHandler
    void on(AccountDeleted event) {
        jdbc.update("delete from customer_contact where customer_id = ?", event.accountId());
    }

    /** A guest's contact, keyed by the guest's subject id (the customer id of a guest's booking). */
    @EventHandler
    void on(GuestContactRecorded event) {
        save(event.guestId(), event.name(), event.email(), event.phone());
    }

    @EventHandler
    void on(BookingLinkedToAccount event) {
        if (!event.guestContactKept()) {
            jdbc.update("delete from customer_contact where customer_id = ?", event.guestId());
        }
    }

    @EventHandler
    void on(GuestDataErased event) {
        jdbc.update("delete from customer_contact where customer_id = ?", event.guestId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from customer_contact");
    }

    private void save(String customerId, PersonalData name, PersonalData email, PersonalData phone) {
        jdbc.update("""
                insert into customer_contact (customer_id, name, email, phone) values (?, ?, ?, ?)
                on conflict (customer_id) do update set name = excluded.name, email = excluded.email,
                                                        phone = excluded.phone""",
                customerId, open(name), open(email), open(phone));
    }

    private String open(PersonalData data) {
        return data == null ? null : cipher.open(data);
    }

    /** @return the customer's contact, absent for a deleted account */
    public Optional<Contact> of(String customerId) {
        List<Contact> rows = jdbc.query("select name, email, phone from customer_contact where customer_id = ?",
                (rs, i) -> new Contact(rs.getString(1), rs.getString(2), rs.getString(3)), customerId);
        return rows.stream().findFirst();
    }

    public record Contact(String name, String email, String phone) {

        @Override
        public String toString() {
            return "Contact[redacted]";
        }
    }
}
