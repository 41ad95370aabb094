package io.booking.query.rebuild;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.booking.query.support.QuerySideTest;
import io.booking.shared.booking.TicketCancelled;
import io.booking.shared.booking.TicketsBooked;
import io.booking.shared.occurrence.BookingPolicy;
import io.booking.shared.occurrence.OccurrenceScheduled;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static io.booking.query.support.CommandSideEvents.newId;
import static io.booking.query.support.CommandSideEvents.occurrence;
import static io.booking.query.support.CommandSideEvents.ticketType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ReadModelRebuildTest extends QuerySideTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aRebuildUnderBookingTrafficServesEveryReadThroughoutAndItsGenerationEqualsTheLiveOne() throws Exception {
        String admin = tokens.admin(newId());
        OccurrenceScheduled event = occurrence(
                newId(),
                "Rebuild evening",
                NOW.plus(Duration.ofDays(5)),
                NOW.plus(Duration.ofDays(5)).plusSeconds(7200),
                new BookingPolicy(true, true, 24),
                ticketType("a", "Adult", "15.00", 100_000));
        AtomicLong position = new AtomicLong(store.append(event));
        for (int i = 0; i < 200; i++) {
            position.set(book(event, 100_000 - 2 * (i + 1)));
        }
        AtomicBoolean traffic = new AtomicBoolean(true);
        Map<Integer, Integer> readStatuses = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(2);
        Future<?> booking = clients.submit(() -> {
            for (int seats = 90_000; traffic.get(); seats -= 2) {
                position.set(book(event, seats));
            }
        });
        Future<?> reading = clients.submit(() -> {
            while (traffic.get()) {
                for (String path : List.of("/api/events/" + event.occurrenceId(), "/api/admin/reports/events")) {
                    int status = mvc.perform(get(path).header("Authorization", admin))
                            .andReturn()
                            .getResponse()
                            .getStatus();
                    readStatuses.merge(status, 1, Integer::sum);
                }
            }
            return null;
        });
        try {
            mvc.perform(post("/api/admin/read-models/rebuild")
                            .header("Authorization", admin)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"switchWhenCaughtUp\": false}"))
                    .andExpect(status().isAccepted())
                    .andExpect(jsonPath("$.state").value("REBUILDING"));
            mvc.perform(post("/api/admin/read-models/rebuild").header("Authorization", admin))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.rule").value("rebuild-running"));
            // bookings keep coming until the new generation has replayed the history it started with
            long history = position.get();
            await().atMost(Duration.ofSeconds(120))
                    .until(() -> rebuildStatus(admin).get("eventsDone").asLong() >= history);
        } finally {
            traffic.set(false);
            booking.get();
            reading.get();
            clients.shutdown();
        }
        await().atMost(Duration.ofSeconds(120))
                .until(() ->
                        "CAUGHT_UP".equals(rebuildStatus(admin).get("state").asText()));
        // both generations reach the newest event: then they hold the same rows
        mvc.perform(get("/api/events").header("X-Consistency-Token", position.get()))
                .andExpect(status().isOk());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> rebuildStatus(admin).get("eventsDone").asLong() >= position.get());
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(checksums("query_next")).isEqualTo(checksums("query")));
        assertThat(readStatuses).containsOnlyKeys(200);
        mvc.perform(get("/actuator/health").header("Authorization", admin))
                .andExpect(
                        jsonPath("$.components.readModelRebuild.details.state").value("CAUGHT_UP"));

        mvc.perform(post("/api/admin/read-models/rebuild/switch").header("Authorization", admin))
                .andExpect(status().isAccepted());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "SWITCHED".equals(rebuildStatus(admin).get("state").asText()));

        // the processors go on in the new generation, which the reads read; the previous one stays as it was
        long after = book(event, 80_000);
        mvc.perform(get("/api/events/" + event.occurrenceId()).header("X-Consistency-Token", after))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ticketTypes[0].seatsLeft").value(80_000));
        assertThat(jdbc.queryForObject(
                        "select count(*) from query.booking where event_id = ?", Long.class, event.occurrenceId()))
                .isEqualTo(jdbc.queryForObject(
                                "select count(*) from query_previous.booking where event_id = ?",
                                Long.class,
                                event.occurrenceId())
                        + 1);
        mvc.perform(get("/actuator/health").header("Authorization", admin))
                .andExpect(jsonPath("$.components.eventProcessors.status").value("UP"));
    }

    private long book(OccurrenceScheduled event, int seatsLeft) {
        String customer = newId();
        TicketsBooked booking = store.booking(
                customer,
                store.newSubject(customer),
                event,
                "RB-" + customer.substring(0, 8),
                NOW,
                "Attendee",
                "Friend");
        long position = store.append(booking, seatsLeft);
        if (seatsLeft % 10 == 0) {
            position = store.append(
                    "Booking",
                    booking.bookingId(),
                    new TicketCancelled(
                            booking.bookingId(),
                            booking.tickets().get(1).ticketId(),
                            event.occurrenceId(),
                            "a",
                            "customer",
                            null,
                            NOW));
        }
        return position;
    }

    private JsonNode rebuildStatus(String admin) throws Exception {
        return JSON.readTree(mvc.perform(get("/api/admin/read-models/rebuild").header("Authorization", admin))
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    /** Every read model's rows, as a count and a hash (tokens and migration history aside). */
    private List<String> checksums(String schema) {
        return jdbc.queryForList("""
                        select table_name from information_schema.tables
                        where table_schema = ? and table_name not in ('token_entry', 'flyway_schema_history')
                        order by table_name""", String.class, schema).stream()
                .map(table -> table + " "
                        + jdbc.queryForObject(
                                "select count(*) || ':' || coalesce(md5(string_agg(t::text, "
                                        + "'|' order by t::text)), '') from " + schema + "." + table + " t",
                                String.class))
                .toList();
    }
}
