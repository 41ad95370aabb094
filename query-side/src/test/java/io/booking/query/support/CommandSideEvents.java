package io.booking.query.support;

import io.booking.shared.booking.BookedTicket;
import io.booking.shared.booking.FormAnswer;
import io.booking.shared.booking.TicketsBooked;
import io.booking.shared.occurrence.BookingPolicy;
import io.booking.shared.occurrence.OccurrenceScheduled;
import io.booking.shared.occurrence.Organiser;
import io.booking.shared.occurrence.SeatsReserved;
import io.booking.shared.occurrence.TicketType;
import io.booking.shared.personal.PersonalData;
import io.booking.shared.personal.PersonalDataCipher;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Appends events to the event store as the command side does (aggregate streams, sequence numbers, keys in
 * {@code command.personal_data_key}, personal fields sealed), and tells the position of each append.
 */
public class CommandSideEvents {

    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final Map<String, Long> sequences = new ConcurrentHashMap<>();

    public CommandSideEvents(EventStore eventStore, JdbcTemplate jdbc) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    public static OccurrenceScheduled occurrence(
            String id,
            String title,
            Instant startsAt,
            Instant endsAt,
            BookingPolicy policy,
            TicketType... ticketTypes) {
        return new OccurrenceScheduled(
                id,
                title,
                "An evening of " + title,
                startsAt,
                endsAt,
                "Main hall",
                new Organiser("Riverside Arts", "hello@riverside.example"),
                List.of(ticketTypes),
                policy,
                startsAt.minusSeconds(30 * 24 * 3600));
    }

    public static TicketType ticketType(String id, String name, String price, int capacity) {
        return new TicketType(id, name, new BigDecimal(price), capacity);
    }

    /** A data subject's key, as the command side stores it when an account or guest booking is created. */
    public byte[] newSubject(String subjectId) {
        byte[] key = PersonalDataCipher.newKey();
        jdbc.update("insert into command.personal_data_key (subject_id, key) values (?, ?)", subjectId, key);
        return key;
    }

    /** Crypto-shredding: what DeleteAccount does to the subject's key. */
    public void eraseSubject(String subjectId) {
        jdbc.update("delete from command.personal_data_key where subject_id = ?", subjectId);
    }

    public static PersonalData seal(String subjectId, byte[] key, String value) {
        return PersonalDataCipher.seal(subjectId, key, value);
    }

    public TicketsBooked booking(
            String customerId,
            byte[] customerKey,
            OccurrenceScheduled occurrence,
            String reference,
            Instant bookedAt,
            String... attendees) {
        List<BookedTicket> tickets = Arrays.stream(attendees)
                .map(name -> new BookedTicket(newId(), seal(customerId, customerKey, name), false))
                .toList();
        return new TicketsBooked(
                newId(),
                reference,
                occurrence.occurrenceId(),
                occurrence.ticketTypes().get(0).ticketTypeId(),
                customerId,
                tickets,
                List.of(new FormAnswer("Dietary needs?", seal(customerId, customerKey, "vegetarian"))),
                bookedAt);
    }

    public long append(OccurrenceScheduled event) {
        return append("Occurrence", event.occurrenceId(), event);
    }

    public long append(SeatsReserved event) {
        return append("Occurrence", event.occurrenceId(), event);
    }

    /** Books as the command side does: the booking's event, then the seats taken from the event. */
    public long append(TicketsBooked booking, int seatsLeft) {
        append("Booking", booking.bookingId(), booking);
        return append(new SeatsReserved(
                booking.occurrenceId(),
                booking.ticketTypeId(),
                booking.bookingId(),
                booking.tickets().size(),
                seatsLeft));
    }

    /** @return the event's global index, which a command's answer hands out as the consistency token */
    public long append(String aggregateType, String aggregateId, Object payload) {
        long sequence = sequences.merge(aggregateId, 0L, (previous, ignored) -> previous + 1);
        GenericDomainEventMessage<Object> message = new GenericDomainEventMessage<>(
                aggregateType, aggregateId, sequence, payload, MetaData.with("actor", "system"));
        eventStore.publish(message);
        return jdbc.queryForObject(
                "select global_index from command.domain_event_entry where event_identifier = ?",
                Long.class,
                message.getIdentifier());
    }
}
