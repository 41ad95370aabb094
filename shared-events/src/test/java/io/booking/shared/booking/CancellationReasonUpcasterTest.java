package io.booking.shared.booking;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.booking.shared.personal.PersonalData;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class CancellationReasonUpcasterTest {

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule()))
            .build();

    @Test
    void aCancellationStoredBeforeRevisionTwoReadsWithItsReasonInClearAndNoSealedOne() {
        IntermediateEventRepresentation upcast = upcast(BookingCancelled.class, null, """
                {"bookingId":"b-1","occurrenceId":"ev-1","ticketTypeId":"adult","quantity":2,"cancelledBy":"customer",
                 "reason":"ill","cancelledAt":"2026-06-01T09:00:00Z"}""");

        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        BookingCancelled read = serializer.deserialize(upcast.getData(byte[].class));
        assertThat(read)
                .isEqualTo(new BookingCancelled(
                        "b-1", "ev-1", "adult", 2, "customer", "ill", Instant.parse("2026-06-01T09:00:00Z")));
        assertThat(read.sealedReason()).isNull();
    }

    @Test
    void aRevisionTwoCancellationKeepsItsSealedReason() {
        TicketCancelled written = new TicketCancelled(
                "b-1",
                "t-1",
                "ev-1",
                "adult",
                "customer",
                null,
                Instant.parse("2026-06-01T09:00:00Z"),
                new PersonalData("c-1", "c2VhbGVk"));
        SerializedObject<byte[]> stored = serializer.serialize(written, byte[].class);

        IntermediateEventRepresentation upcast = upcast(
                TicketCancelled.class,
                stored.getType().getRevision(),
                new String(stored.getData(), StandardCharsets.UTF_8));

        assertThat(stored.getType().getRevision()).isEqualTo("2");
        assertThat((TicketCancelled) serializer.deserialize(upcast.getData(byte[].class)))
                .isEqualTo(written);
    }

    private IntermediateEventRepresentation upcast(Class<?> type, String revision, String json) {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>(
                "Booking",
                "b-1",
                3,
                "event-1",
                Instant.parse("2026-06-01T09:00:00Z"),
                type.getName(),
                revision,
                json.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
        List<IntermediateEventRepresentation> out = new CancellationReasonUpcaster()
                .upcast(Stream.of(new InitialEventRepresentation(entry, serializer)))
                .toList();
        assertThat(out).hasSize(1);
        return out.get(0);
    }
}
