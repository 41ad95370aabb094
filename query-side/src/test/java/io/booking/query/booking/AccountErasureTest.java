package io.booking.query.booking;

import io.booking.query.personal.JdbcPersonalDataKeys;
import io.booking.query.support.QuerySideTest;
import io.booking.shared.account.AccountDeleted;
import io.booking.shared.booking.TicketsBooked;
import io.booking.shared.occurrence.BookingPolicy;
import io.booking.shared.occurrence.OccurrenceScheduled;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;

import static io.booking.query.support.CommandSideEvents.newId;
import static io.booking.query.support.CommandSideEvents.occurrence;
import static io.booking.query.support.CommandSideEvents.ticketType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class AccountErasureTest extends QuerySideTest {

    private static final List<String> TABLES =
            List.of("booking", "booking_ticket", "booking_answer", "booking_transfer", "deleted_customer");

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    JdbcPersonalDataKeys keys;

    @Test
    void accountDeletedScrubsTheCustomersBookingsAtOnceKeepsThemFlaggedAndAReplayGivesTheSameRows() throws Exception {
        OccurrenceScheduled event = occurrence(
                newId(),
                "Erasure evening",
                NOW.plus(Duration.ofDays(3)),
                NOW.plus(Duration.ofDays(4)),
                new BookingPolicy(true, true, 24),
                ticketType("a", "Adult", "10.00", 50));
        store.append(event);
        String leaving = newId();
        byte[] leavingKey = store.newSubject(leaving);
        String staying = newId();
        byte[] stayingKey = store.newSubject(staying);
        TicketsBooked first = store.booking(
                leaving,
                leavingKey,
                event,
                "ERAS-" + leaving.substring(0, 4),
                NOW.minusSeconds(60),
                "Octavia Fenwhistle",
                "Barnaby Fenwhistle");
        store.append(first, 48);
        TicketsBooked other = store.booking(
                staying,
                stayingKey,
                event,
                "KEEP-" + staying.substring(0, 4),
                NOW.minusSeconds(30),
                "Persephone Staywell");
        long position = store.append(other, 47);
        awaitReadModels(position);
        assertThat(names(leaving)).containsExactlyInAnyOrder("Octavia Fenwhistle", "Barnaby Fenwhistle");

        // DeleteAccount: the key row goes in the transaction that records AccountDeleted
        store.eraseSubject(leaving);
        position = store.append("Account", leaving, new AccountDeleted(leaving, "customer", 0, NOW));
        // sealed with the key the query side had cached before: its eviction is what keeps this one erased
        TicketsBooked late =
                store.booking(leaving, leavingKey, event, "LATE-" + leaving.substring(0, 4), NOW, "Octavia Fenwhistle");
        position = store.append(late, 46);
        awaitReadModels(position);

        assertThat(names(leaving)).hasSize(3).containsOnly("[erased]");
        assertThat(jdbc.queryForList("""
                select a.answer from query.booking_answer a join query.booking b on b.booking_id = a.booking_id
                where b.customer_id = ?""", String.class, leaving)).hasSize(2).containsOnly("[erased]");
        assertThat(jdbc.queryForList(
                        "select customer_deleted from query.booking where customer_id = ?", Boolean.class, leaving))
                .hasSize(2)
                .containsOnly(true);
        assertThat(names(staying)).containsExactly("Persephone Staywell");
        assertThat(jdbc.queryForObject(
                        "select customer_deleted from query.booking where customer_id = ?", Boolean.class, staying))
                .isFalse();
        assertThat(queryTablesAsText()).doesNotContain("Octavia", "Barnaby", "Fenwhistle");
        List<String> live = checksums();

        StreamingEventProcessor bookings = processing
                .eventProcessor(BookingProjection.GROUP, StreamingEventProcessor.class)
                .orElseThrow();
        bookings.shutDown();
        bookings.resetTokens();
        assertThat(jdbc.queryForObject("select count(*) from query.deleted_customer", Long.class))
                .isZero();
        bookings.start();

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(checksums()).isEqualTo(live));
        assertThat(queryTablesAsText()).doesNotContain("Octavia", "Barnaby", "Fenwhistle");
    }

    @Test
    void anErasedSubjectsKeyIsNeverServedFromTheCacheAgain() {
        String subject = newId();
        store.newSubject(subject);
        assertThat(keys.find(subject)).isPresent();

        keys.erased(subject);

        // the row is still there (a lookup that read it before the deletion committed): the cache must not bring it
        // back
        assertThat(keys.find(subject)).isEmpty();
        assertThat(keys.find(subject)).isEmpty();
    }

    private List<String> names(String customerId) {
        return jdbc.queryForList("""
                select t.attendee_name from query.booking_ticket t join query.booking b on b.booking_id = t.booking_id
                where b.customer_id = ?""", String.class, customerId);
    }

    private String queryTablesAsText() {
        return TABLES.stream()
                .map(table -> jdbc.queryForList("select t::text from query." + table + " t", String.class)
                        .toString())
                .toList()
                .toString();
    }

    private void awaitReadModels(long position) throws Exception {
        mvc.perform(get("/api/events").header("X-Consistency-Token", position)).andExpect(status().isOk());
    }

    private List<String> checksums() {
        return TABLES.stream()
                .map(table -> jdbc.queryForObject(
                        "select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') from query."
                                + table + " t",
                        String.class))
                .toList();
    }
}
