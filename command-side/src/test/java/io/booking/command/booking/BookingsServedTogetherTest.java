package io.booking.command.booking;

import com.fasterxml.jackson.databind.JsonNode;
import io.booking.command.CommandRefused;
import io.booking.command.axon.NoSuchAggregate;
import io.booking.command.consistency.Metadata;
import io.booking.command.support.CommandApiTest;
import io.booking.testsupport.TestDatabase;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single bookings of one event are placed together, several per unit of work ({@link BookingQueue}): each is still
 * answered, refused and stored as if it had been alone.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=command-side",
            "booking.admin.email=admin@booking.test",
            "booking.admin.password=admin-password",
            "booking.security.bcrypt-strength=4"
        })
class BookingsServedTogetherTest extends CommandApiTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    CommandGateway commands;

    @Autowired
    BookingCommandHandler handler;

    @Autowired
    JdbcTemplate jdbc;

    private String adminToken;

    @BeforeEach
    void admin() {
        adminToken = login("admin@booking.test", "admin-password");
    }

    @Test
    void aRefusedBookingAmongOthersChangesNothingAndTheOthersAreBookedInOneCommit() throws Exception {
        String[] event = schedule(4);
        String ada = register("ada");
        String ben = register("ben");
        String benToken = login("ben@together.test", "password-123");
        String usedId = UUID.randomUUID().toString();
        assertThat(post("/api/bookings", benToken, booking(usedId, event, 1))
                        .getStatusCode()
                        .value())
                .isEqualTo(201);

        String adaId = UUID.randomUUID().toString();
        String benTooManyId = UUID.randomUUID().toString();
        String strangerId = UUID.randomUUID().toString();
        String benLastId = UUID.randomUUID().toString();
        List<BookTicketsTogether.Queued> queued = List.of(
                queued(ada, adaId, event, 2),
                queued(ben, benTooManyId, event, 2), // one seat left: sold out
                queued(ada, UUID.randomUUID().toString(), "stranger", strangerId, event, 1), // no such account
                queued(ada, adaId, event, 2), // a retry beside its first try
                queued(ben, usedId, event, 2), // the id of another booking
                queued(ben, benLastId, event, 1));

        List<BookTicketsTogether.Outcome> outcomes = commands.sendAndWait(new BookTicketsTogether(queued));

        assertThat(outcomes.get(0).confirmation().repeated()).isFalse();
        assertThat(ruleOf(outcomes.get(1))).isEqualTo("sold-out");
        assertThat(ruleOf(outcomes.get(2))).isEqualTo("no-such-account");
        assertThat(outcomes.get(3).confirmation().repeated()).isTrue();
        assertThat(outcomes.get(3).confirmation().reference())
                .isEqualTo(outcomes.get(0).confirmation().reference());
        assertThat(ruleOf(outcomes.get(4))).isEqualTo("booking-id-used");
        assertThat(outcomes.get(5).confirmation().repeated()).isFalse();

        // the refused left no claim, no event and no mail
        assertThat(jdbc.queryForList(
                        "select booking_id from booking_reference where occurrence_id = ?", String.class, event[0]))
                .containsExactlyInAnyOrder(usedId, adaId, benLastId);
        assertThat(jdbc.queryForList("""
                select convert_from(payload, 'UTF8')::json ->> 'seatsLeft' from domain_event_entry
                where aggregate_identifier = ? and payload_type like '%.SeatsReserved' order by sequence_number""", String.class, event[0])).containsExactly("3", "1", "0");
        assertThat(jdbc.queryForObject(
                        "select count(*) from outbox where subject_id in (?, ?)", Integer.class, ada, ben))
                .isEqualTo(3);
        // placed together: one transaction wrote both bookings
        assertThat(jdbc.queryForObject(
                        "select count(distinct xmin::text) from booking_reference where booking_id in (?, ?)",
                        Integer.class,
                        adaId,
                        benLastId))
                .isEqualTo(1);
        // and each booking's events name the customer who booked it, and their own request
        assertThat(metaDataOf(adaId, "actor")).isEqualTo("customer:" + ada);
        assertThat(metaDataOf(benLastId, "actor")).isEqualTo("customer:" + ben);
        assertThat(metaDataOf(adaId, "correlationId"))
                .isEqualTo(queued.get(0).metaData().get(Metadata.CORRELATION_ID));
        assertThat(metaDataOf(benLastId, "correlationId"))
                .isEqualTo(queued.get(5).metaData().get(Metadata.CORRELATION_ID));
    }

    @Test
    void bookingsOfDifferentEventsArePlacedInOneCommitAndAMissingEventRefusesOnlyItsOwn() throws Exception {
        String[] first = schedule(5);
        String[] second = schedule(1);
        String[] nowhere = {UUID.randomUUID().toString(), UUID.randomUUID().toString()};
        String cleo = register("cleo");
        String firstId = UUID.randomUUID().toString();
        String secondId = UUID.randomUUID().toString();
        String lostId = UUID.randomUUID().toString();
        String soldOutId = UUID.randomUUID().toString();

        List<BookTicketsTogether.Outcome> outcomes = commands.sendAndWait(new BookTicketsTogether(List.of(
                queued(cleo, secondId, second, 1),
                queued(cleo, lostId, nowhere, 1),
                queued(cleo, firstId, first, 2),
                queued(cleo, soldOutId, second, 1))));

        assertThat(outcomes.get(0).confirmation().repeated()).isFalse();
        assertThat(outcomes.get(1).refusal())
                .isInstanceOfSatisfying(
                        NoSuchAggregate.class,
                        missing -> assertThat(missing.field()).isEqualTo("occurrenceId"));
        assertThat(outcomes.get(2).confirmation().repeated()).isFalse();
        // the second event's one seat went to the booking that queued first
        assertThat(ruleOf(outcomes.get(3))).isEqualTo("sold-out");
        assertThat(jdbc.queryForObject(
                        "select count(distinct xmin::text) from booking_reference where booking_id in (?, ?)",
                        Integer.class,
                        firstId,
                        secondId))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from booking_reference where booking_id in (?, ?)",
                        Integer.class,
                        lostId,
                        soldOutId))
                .isZero();
    }

    @Test
    void guestsQueueWithCustomersAndARefusedGuestLeavesNoKeyNoLinkAndNoMail() throws Exception {
        String[] event = schedule(3);
        String dora = register("dora");
        String doraId = UUID.randomUUID().toString();
        String guestId = UUID.randomUUID().toString();
        String lateGuestId = UUID.randomUUID().toString();
        BookingCommandHandler.GuestContact contact =
                new BookingCommandHandler.GuestContact("Gus Guest", "gus@guest.test", null);
        BookTicketsTogether.Queued guest = guestQueued(guestId, event, 2, contact);
        BookTicketsTogether.Queued lateGuest = guestQueued(
                lateGuestId, event, 1, new BookingCommandHandler.GuestContact("Lou Late", "lou@guest.test", null));

        List<BookTicketsTogether.Outcome> outcomes = commands.sendAndWait(new BookTicketsTogether(List.of(
                guest,
                queued(dora, doraId, event, 1),
                // the guest's retry beside its first try (a new request: a new guest subject), the contact's case
                // aside the same
                guestQueued(
                        guestId, event, 2, new BookingCommandHandler.GuestContact("Gus Guest", "GUS@guest.test", null)),
                guestQueued(guestId, event, 2, new BookingCommandHandler.GuestContact("Other", "o@guest.test", null)),
                lateGuest)));

        assertThat(outcomes.get(0).confirmation().manageToken())
                .isEqualTo(guest.guest().manageToken());
        assertThat(outcomes.get(1).confirmation().repeated()).isFalse();
        assertThat(outcomes.get(2).confirmation().repeated()).isTrue();
        assertThat(outcomes.get(2).confirmation().manageToken()).isNull();
        assertThat(ruleOf(outcomes.get(3))).isEqualTo("booking-id-used");
        assertThat(ruleOf(outcomes.get(4))).isEqualTo("sold-out");
        // one transaction placed the guest's and the customer's bookings, the guest's key and manage link with them
        assertThat(jdbc.queryForObject(
                        "select count(distinct xmin::text) from booking_reference where booking_id in (?, ?)",
                        Integer.class,
                        guestId,
                        doraId))
                .isEqualTo(1);
        String guestSubject = guest.booking().customerId();
        assertThat(jdbc.queryForObject(
                        "select count(*) from personal_data_key where subject_id = ?", Integer.class, guestSubject))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from guest_booking where booking_id = ?", Integer.class, guestId))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from outbox where subject_id = ?", Integer.class, guestSubject))
                .isEqualTo(1);
        String lateSubject = lateGuest.booking().customerId();
        assertThat(jdbc.queryForObject(
                        "select count(*) from personal_data_key where subject_id = ?", Integer.class, lateSubject))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from guest_booking where booking_id = ?", Integer.class, lateGuestId))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from outbox where subject_id = ?", Integer.class, lateSubject))
                .isZero();
        assertThat(metaDataOf(guestId, "actor")).isEqualTo("guest:" + guestSubject);
    }

    @Test
    void manyCustomersBookingOneEventAtOnceSellExactlyItsSeatsSeveralPerCommit() throws Exception {
        String[] event = schedule(150);
        int customers = 24;
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            register("rush" + i);
            tokens.add(login("rush" + i + "@together.test", "password-123"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(customers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<int[]>> clients = new ArrayList<>();
            for (String token : tokens) {
                clients.add(pool.submit(() -> {
                    start.await();
                    int booked = 0;
                    int bookings = 0;
                    while (true) {
                        int quantity = ThreadLocalRandom.current().nextInt(1, 4);
                        ResponseEntity<String> answer = post(
                                "/api/bookings",
                                token,
                                booking(UUID.randomUUID().toString(), event, quantity));
                        if (answer.getStatusCode().value() == 201) {
                            booked += quantity;
                            bookings++;
                        } else {
                            assertThat(answer.getStatusCode().value()).isEqualTo(409);
                            assertThat(answer.getBody()).contains("sold-out");
                            if (answer.getBody().contains("\"seatsLeft\":0")) {
                                return new int[] {booked, bookings};
                            }
                        }
                    }
                }));
            }
            start.countDown();
            int seats = 0;
            int bookings = 0;
            for (Future<int[]> client : clients) {
                seats += client.get()[0];
                bookings += client.get()[1];
            }

            assertThat(seats).isEqualTo(150);
            assertThat(jdbc.queryForObject(
                            "select coalesce(sum(quantity), 0) from booking_reference where occurrence_id = ?",
                            Integer.class,
                            event[0]))
                    .isEqualTo(150);
            assertThat(jdbc.queryForObject("""
                    select count(*) from domain_event_entry
                    where aggregate_identifier = ? and payload_type like '%.SeatsReserved'""", Integer.class, event[0])).isEqualTo(bookings);
            // fewer commits than bookings: some were placed together
            assertThat(jdbc.queryForObject(
                            "select count(distinct xmin::text) from booking_reference where occurrence_id = ?",
                            Integer.class,
                            event[0]))
                    .isLessThan(bookings);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void bookingsOfAnEventThatDoesNotExistAreEachAnsweredNotFoundAndLeaveNoClaim() throws Exception {
        register("lost");
        String token = login("lost@together.test", "password-123");
        String[] nowhere = {UUID.randomUUID().toString(), UUID.randomUUID().toString()};
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ResponseEntity<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return post(
                            "/api/bookings", token, booking(UUID.randomUUID().toString(), nowhere, 1));
                }));
            }
            start.countDown();
            for (Future<ResponseEntity<String>> answer : answers) {
                assertThat(answer.get(30, TimeUnit.SECONDS).getStatusCode().value())
                        .isEqualTo(404);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject(
                        "select count(*) from booking_reference where occurrence_id = ?", Integer.class, nowhere[0]))
                .isZero();
    }

    private BookTicketsTogether.Queued queued(String customer, String bookingId, String[] event, int tickets) {
        return queued(customer, customer, customer, bookingId, event, tickets);
    }

    /** @param sealedFor whose key seals the attendees (a customer without an account has none) */
    private BookTicketsTogether.Queued queued(
            String sealedFor, String customer, String actor, String bookingId, String[] event, int tickets) {
        BookTickets booking = new BookTickets(
                bookingId,
                event[0],
                event[1],
                customer,
                Collections.nCopies(tickets, new BookTickets.Attendee("Attendee", false)),
                List.of());
        BookingCommandHandler.Sealed sealed = handler.seal(
                        new BookTickets(bookingId, event[0], event[1], sealedFor, booking.attendees(), List.of()))
                .orElseThrow();
        return new BookTicketsTogether.Queued(
                booking,
                sealed.tickets(),
                sealed.answers(),
                Map.of(
                        Metadata.ACTOR,
                        "customer:" + actor,
                        Metadata.CORRELATION_ID,
                        UUID.randomUUID().toString()),
                null);
    }

    private BookTicketsTogether.Queued guestQueued(
            String bookingId, String[] event, int tickets, BookingCommandHandler.GuestContact contact) {
        String subject = UUID.randomUUID().toString();
        return handler.sealAsGuest(
                new BookTickets(
                        bookingId,
                        event[0],
                        event[1],
                        subject,
                        Collections.nCopies(tickets, new BookTickets.Attendee("Attendee", false)),
                        List.of()),
                contact,
                Map.of(
                        Metadata.ACTOR,
                        "guest:" + subject,
                        Metadata.CORRELATION_ID,
                        UUID.randomUUID().toString()));
    }

    private static String ruleOf(BookTicketsTogether.Outcome outcome) {
        return ((CommandRefused) outcome.refusal()).rule();
    }

    private String metaDataOf(String bookingId, String key) {
        return jdbc.queryForObject("""
                select convert_from(meta_data, 'UTF8')::json ->> ? from domain_event_entry
                where aggregate_identifier = ? and payload_type like '%.TicketsBooked'""", String.class, key, bookingId);
    }

    /** @return the event's id and its ticket type's */
    private String[] schedule(int capacity) throws Exception {
        ResponseEntity<String> scheduled = post(
                "/api/admin/events",
                adminToken,
                Map.of(
                        "title",
                        "Together",
                        "startsAt",
                        "2099-01-01T10:00:00Z",
                        "endsAt",
                        "2099-01-01T12:00:00Z",
                        "location",
                        "Hall",
                        "organiser",
                        Map.of("name", "Org", "contact", "org@together.test"),
                        "ticketTypes",
                        List.of(Map.of("name", "Adult", "price", 10, "capacity", capacity))));
        assertThat(scheduled.getStatusCode().value()).isEqualTo(201);
        JsonNode body = json.readTree(scheduled.getBody());
        return new String[] {
            body.get("eventId").asText(), body.at("/ticketTypes/0/ticketTypeId").asText()
        };
    }

    private Map<String, Object> booking(String bookingId, String[] event, int tickets) {
        return Map.of(
                "bookingId",
                bookingId,
                "eventId",
                event[0],
                "ticketTypeId",
                event[1],
                "tickets",
                Collections.nCopies(tickets, Map.of("attendeeName", "Attendee", "child", false)));
    }

    private String register(String name) throws Exception {
        ResponseEntity<String> registered = post(
                "/api/accounts",
                null,
                Map.of("name", name, "email", name + "@together.test", "password", "password-123"));
        assertThat(registered.getStatusCode().value()).isEqualTo(201);
        return json.readTree(registered.getBody()).get("accountId").asText();
    }
}
