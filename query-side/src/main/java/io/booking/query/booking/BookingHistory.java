package io.booking.query.booking;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.booking.query.web.NotFoundException;
import io.booking.shared.booking.Attendance;
import io.booking.shared.booking.AttendanceRecorded;
import io.booking.shared.booking.BookedTicket;
import io.booking.shared.booking.BookingCancelled;
import io.booking.shared.booking.BookingLinkedToAccount;
import io.booking.shared.booking.BookingStatus;
import io.booking.shared.booking.GuestContactRecorded;
import io.booking.shared.booking.TicketCancelled;
import io.booking.shared.booking.TicketStatus;
import io.booking.shared.booking.TicketsBooked;
import io.booking.shared.booking.TicketsTransferred;
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
        Replay replay = new Replay();
        events.readEvents(bookingId, 0)
                .asStream()
                .filter(message -> at == null || !message.getTimestamp().isAfter(at))
                .forEach(message -> {
                    changes.add(change(message));
                    replay.apply(message.getPayload());
                });
        // an account's deletion is an event of the account, not of its bookings: the read model knows of it
        return new BookingHistoryView(
                bookingId, booking.reference(), at, changes, replay.state(), booking.customerDeleted());
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

    /** The booking's state, folded event by event the way the aggregate folds them. */
    private final class Replay {

        private String customerId;
        private boolean guestBooking;
        private final Map<String, Ticket> tickets = new LinkedHashMap<>();

        void apply(Object event) {
            if (event instanceof TicketsBooked booked) {
                customerId = booked.customerId();
                for (BookedTicket ticket : booked.tickets()) {
                    tickets.put(
                            ticket.ticketId(),
                            new Ticket(
                                    ticket.attendeeName(),
                                    ticket.child(),
                                    booked.occurrenceId(),
                                    booked.ticketTypeId()));
                }
            } else if (event instanceof GuestContactRecorded) {
                guestBooking = true;
            } else if (event instanceof BookingLinkedToAccount linked) {
                customerId = linked.accountId();
                guestBooking = false;
                linked.tickets().forEach(t -> ticket(t.ticketId()).attendeeName = t.attendeeName());
            } else if (event instanceof TicketCancelled cancelled) {
                ticket(cancelled.ticketId()).cancelled = true;
            } else if (event instanceof BookingCancelled) {
                tickets.values().forEach(t -> t.cancelled = true);
            } else if (event instanceof TicketsTransferred transferred) {
                transferred.ticketIds().forEach(id -> {
                    ticket(id).attendance = Attendance.afterMove(
                            ticket(id).attendance, ticket(id).eventId, transferred.toOccurrenceId());
                    ticket(id).eventId = transferred.toOccurrenceId();
                    ticket(id).ticketTypeId = transferred.toTicketTypeId();
                });
            } else if (event instanceof AttendanceRecorded recorded) {
                ticket(recorded.ticketId()).attendance = recorded.attendance();
            }
        }

        private Ticket ticket(String ticketId) {
            Ticket ticket = tickets.get(ticketId);
            if (ticket == null) {
                throw new IllegalStateException("an event of booking names a ticket it never booked: " + ticketId);
            }
            return ticket;
        }

        BookingHistoryView.State state() {
            if (tickets.isEmpty()) {
                return null;
            }
            long cancelled = tickets.values().stream().filter(t -> t.cancelled).count();
            String status = BookingStatus.of(cancelled, tickets.size()).name();
            return new BookingHistoryView.State(
                    customerId,
                    guestBooking,
                    status,
                    tickets.entrySet().stream()
                            .map(e -> new BookingHistoryView.TicketState(
                                    e.getKey(),
                                    cipher.open(e.getValue().attendeeName),
                                    e.getValue().child,
                                    e.getValue().eventId,
                                    e.getValue().ticketTypeId,
                                    (e.getValue().cancelled ? TicketStatus.CANCELLED : TicketStatus.BOOKED).name(),
                                    e.getValue().attendance))
                            .collect(Collectors.toList()));
        }
    }

    private static final class Ticket {

        private PersonalData attendeeName;
        private final boolean child;
        private String eventId;
        private String ticketTypeId;
        private boolean cancelled;
        private Attendance attendance = Attendance.BOOKED;

        Ticket(PersonalData attendeeName, boolean child, String eventId, String ticketTypeId) {
            this.attendeeName = attendeeName;
            this.child = child;
            this.eventId = eventId;
            this.ticketTypeId = ticketTypeId;
        }
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
