package io.booking.query.booking;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.booking.query.web.NotFoundException;
import io.booking.shared.booking.BookingEvent;
import io.booking.shared.booking.BookingState;
import io.booking.shared.personal.PersonalData;
import io.booking.shared.personal.PersonalDataCipher;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A booking's audit trail, read from the event store rather than a read model: every change in order with when it was
 * recorded and by whom, and the booking as it stood at a moment, replayed from its events up to then. Personal fields
 * are opened with their subject's key, so an erased customer's read as erased here as everywhere else.
 */
@Component
public class BookingHistory {

    private static final TypeReference<LinkedHashMap<String, Object>> DETAILS = new TypeReference<>() {};

    private final BookingRepository bookings;
    private final EventStorageEngine events;
    private final PersonalDataCipher cipher;
    private final ObjectMapper json;

    BookingHistory(
            BookingRepository bookings, EventStorageEngine events, PersonalDataCipher cipher, ObjectMapper json) {
        this.bookings = bookings;
        this.events = events;
        this.cipher = cipher;
        this.json = json.copy().registerModule(new SimpleModule().addSerializer(PersonalData.class, new Opened()));
    }

    /** @param at the moment to replay to; null for now */
    public BookingHistoryView of(String reference, Instant at) {
        Booking booking = bookings.findByReferenceAsTyped(reference)
                .orElseThrow(() -> new NotFoundException("No booking " + reference + "."));
        String bookingId = booking.bookingId();
        List<BookingHistoryView.Change> changes = new ArrayList<>();
        BookingState replay = new BookingState();
        events.readEvents(bookingId, 0)
                .asStream()
                .filter(message -> at == null || !message.getTimestamp().isAfter(at))
                .forEach(message -> {
                    changes.add(change(message));
                    replay.apply((BookingEvent) message.getPayload());
                });
        // an account's deletion is an event of the account, not of its bookings: the read model knows of it
        return new BookingHistoryView(
                bookingId, booking.reference(), at, changes, state(replay), booking.customerDeleted());
    }

    private BookingHistoryView.Change change(DomainEventMessage<?> message) {
        String actor = String.valueOf(message.getMetaData().getOrDefault("actor", "system:system"));
        int colon = actor.indexOf(':');
        Map<String, Object> details = json.convertValue(message.getPayload(), DETAILS);
        details.remove("bookingId");
        return new BookingHistoryView.Change(
                message.getSequenceNumber(),
                message.getPayloadType().getSimpleName(),
                message.getTimestamp(),
                colon < 0 ? actor : actor.substring(0, colon),
                colon < 0 ? null : actor.substring(colon + 1),
                (String) message.getMetaData().get("correlationId"),
                details);
    }

    private BookingHistoryView.State state(BookingState replay) {
        if (replay.status() == null) {
            return null;
        }
        return new BookingHistoryView.State(
                replay.customerId(),
                // a linked guest booking is the account's
                replay.guestId() != null && !replay.linked(),
                replay.status().name(),
                replay.tickets().stream()
                        .map(t -> new BookingHistoryView.TicketState(
                                t.ticketId(),
                                cipher.open(t.attendeeName()),
                                t.child(),
                                t.eventId(),
                                t.ticketTypeId(),
                                t.status().name(),
                                t.attendance()))
                        .collect(Collectors.toList()));
    }

    /** A personal field as its clear value, or as erased once its subject's key is gone. */
    private final class Opened extends JsonSerializer<PersonalData> {

        @Override
        public void serialize(PersonalData value, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            generator.writeString(cipher.open(value));
        }
    }
}
