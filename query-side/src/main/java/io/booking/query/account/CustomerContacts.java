package io.booking.query.account;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.booking.query.booking.BookingProjection;
import io.booking.shared.account.AccountDeleted;
import io.booking.shared.account.AccountDetailsChanged;
import io.booking.shared.account.AccountRegistered;
import io.booking.shared.booking.BookingLinkedToAccount;
import io.booking.shared.booking.GuestContactRecorded;
import io.booking.shared.booking.GuestDataErased;
import io.booking.shared.personal.PersonalData;
import io.booking.shared.personal.PersonalDataCipher;
import jakarta.annotation.Nullable;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

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
    private final ObjectMapper json;

    CustomerContacts(JdbcTemplate jdbc, PersonalDataCipher cipher, ObjectMapper json) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.json = json;
    }

    @EventHandler
    void on(AccountRegistered event) {
        save(event.accountId(), event.name(), event.email(), event.phone(), Map.of());
    }

    @EventHandler
    void on(AccountDetailsChanged event) {
        save(
                event.accountId(),
                event.name(),
                event.email(),
                event.phone(),
                event.customFields() == null ? Map.of() : event.customFields());
    }

    @EventHandler
    void on(AccountDeleted event) {
        jdbc.update("delete from customer_contact where customer_id = ?", event.accountId());
    }

    /** A guest's contact, keyed by the guest's subject id (the customer id of a guest's booking). */
    @EventHandler
    void on(GuestContactRecorded event) {
        save(event.guestId(), event.name(), event.email(), event.phone(), Map.of());
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

    private void save(
            String customerId,
            PersonalData name,
            PersonalData email,
            PersonalData phone,
            Map<String, PersonalData> customFields) {
        Map<String, String> opened = new TreeMap<>();
        customFields.forEach((field, value) -> opened.put(field, open(value)));
        jdbc.update("""
                insert into customer_contact (customer_id, name, email, phone, custom_fields) values (?, ?, ?, ?, ?)
                on conflict (customer_id) do update set name = excluded.name, email = excluded.email,
                                                        phone = excluded.phone, custom_fields = excluded.custom_fields""", customerId, open(name), open(email), open(phone), write(opened));
    }

    private String write(Map<String, String> fields) {
        try {
            return json.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("custom fields could not be written", e);
        }
    }

    private Map<String, String> read(String fields) {
        try {
            return fields == null ? Map.of() : json.readValue(fields, new TypeReference<>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("custom fields could not be read", e);
        }
    }

    private String open(PersonalData data) {
        return data == null ? null : cipher.open(data);
    }

    /** @return the customer's contact, absent for a deleted account */
    public Optional<Contact> of(String customerId) {
        List<Contact> rows = jdbc.query(
                "select name, email, phone, custom_fields from customer_contact where customer_id = ?",
                (rs, i) -> new Contact(rs.getString(1), rs.getString(2), rs.getString(3), read(rs.getString(4))),
                customerId);
        return rows.stream().findFirst();
    }

    /** @param customFields the organiser's own account fields */
    public record Contact(
            String name, String email, @Nullable String phone, Map<String, String> customFields) {

        @Override
        public String toString() {
            return "Contact[redacted]";
        }
    }
}
