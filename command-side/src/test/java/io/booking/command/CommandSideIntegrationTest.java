package io.booking.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.booking.command.support.CommandApiTest;
import io.booking.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=command-side",
            "booking.admin.email=admin@booking.test",
            "booking.admin.password=admin-password",
            "booking.security.bcrypt-strength=4"
        })
class CommandSideIntegrationTest extends CommandApiTest {

    @org.springframework.boot.test.web.server.LocalServerPort
    private int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    JdbcTemplate jdbc;

    private String adminToken;
    private String eventId;
    private String ticketTypeId;

    @BeforeEach
    void anEventWithTwoSeats() throws Exception {
        adminToken = login("admin@booking.test", "admin-password");
        ResponseEntity<String> scheduled = post(
                "/api/admin/events",
                adminToken,
                Map.of(
                        "title",
                        "Pottery",
                        "startsAt",
                        "2099-01-01T10:00:00Z",
                        "endsAt",
                        "2099-01-01T12:00:00Z",
                        "location",
                        "Studio 2",
                        "organiser",
                        Map.of("name", "Clay Co", "contact", "hello@clay.example"),
                        "ticketTypes",
                        List.of(Map.of("name", "Adult", "price", 25, "capacity", 2))));
        assertThat(scheduled.getStatusCode().value()).isEqualTo(201);
        JsonNode body = json.readTree(scheduled.getBody());
        eventId = body.get("eventId").asText();
        ticketTypeId = body.at("/ticketTypes/0/ticketTypeId").asText();
        assertThat(scheduled.getHeaders().getLocation()).hasPath("/api/events/" + eventId);
    }

    @Test
    void aBookingIsStoredAsReadableJsonWithItsPersonalFieldsSealedAndItsActorNamed() throws Exception {
        String customerId = register("Zebedee Quillfeather", "zebedee.quill@booking.test", "+44 20 7946 0991");
        String token = login("ZEBEDEE.QUILL@booking.test", "password-123");

        ResponseEntity<String> booked =
                post("/api/bookings", token, booking(UUID.randomUUID(), "Philippa Snodgrass", 1));

        assertThat(booked.getStatusCode().value()).isEqualTo(201);
        JsonNode answer = json.readTree(booked.getBody());
        assertThat(answer.get("reference").asText()).matches("[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}");
        assertThat(booked.getHeaders().getFirst("X-Consistency-Token"))
                .isEqualTo(answer.get("consistencyToken").asText());

        List<Map<String, Object>> events = jdbc.queryForList("""
                select payload_type, convert_from(payload, 'UTF8') as payload, convert_from(meta_data, 'UTF8') as meta
                from domain_event_entry order by global_index""");
        String everything = events.toString();
        assertThat(everything)
                .doesNotContain(
                        "Zebedee", "Quillfeather", "zebedee.quill", "7946 0991", "Philippa", "Snodgrass", "gluten");
        Map<String, Object> ticketsBooked = events.stream()
                .filter(e -> e.get("payload_type").toString().endsWith("TicketsBooked"))
                .findFirst()
                .orElseThrow();
        JsonNode payload = json.readTree(ticketsBooked.get("payload").toString());
        assertThat(payload.get("reference").asText())
                .isEqualTo(answer.get("reference").asText());
        assertThat(payload.get("customerId").asText()).isEqualTo(customerId);
        assertThat(payload.at("/tickets/0/attendeeName/subjectId").asText()).isEqualTo(customerId);
        JsonNode meta = json.readTree(ticketsBooked.get("meta").toString());
        assertThat(meta.get("actor").asText()).isEqualTo("customer:" + customerId);
        assertThat(meta.get("correlationId").asText()).isNotBlank();
        assertThat(meta.get("causationId").asText()).isNotBlank();
        assertThat(jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class))
                .isEqualTo(answer.get("consistencyToken").asLong());
    }

    /** A client generated from the API description expects what the server does. */
    @Test
    void theApiDescriptionSaysWhatTheServerDoes() throws Exception {
        JsonNode api = json.readTree(http.getForObject("/v3/api-docs", String.class));

        for (String created : List.of(
                "/api/bookings",
                "/api/guest/bookings",
                "/api/admin/accounts",
                "/api/accounts",
                "/api/orders",
                "/api/admin/events",
                "/api/waiting-list")) {
            assertThat(api.at("/paths/" + created.replace("/", "~1") + "/post/responses")
                            .has("201"))
                    .as("POST %s answers 201", created)
                    .isTrue();
        }
        assertThat(api.at("/paths/~1api~1bookings/post/responses/201/content").has("application/json"))
                .isTrue();
        assertThat(api.at("/components/schemas/BookingRequest/properties/tickets/minItems")
                        .asInt())
                .isEqualTo(1);
        assertThat(api.at("/components/schemas/EventCancellationRequest/required")
                        .toString())
                .contains("reason");
        assertThat(api.at("/components/schemas/CancellationRequest/required").isMissingNode())
                .isTrue();
        // a number the server needs is required in the description too (a missing one reads as 0 and is refused)
        assertThat(api.at("/components/schemas/JoinRequest/required").toString())
                .contains("quantity");
        assertThat(api.at("/components/schemas/TicketTypeRequest/required").toString())
                .contains("capacity");
    }

    @Test
    void aRetriedBookingHasItsEffectOnceAndGetsTheSameAnswer() throws Exception {
        register("Retry Person", "retry@booking.test", null);
        String token = login("retry@booking.test", "password-123");
        UUID bookingId = UUID.randomUUID();

        ResponseEntity<String> first = post("/api/bookings", token, booking(bookingId, "Attendee One", 1));
        ResponseEntity<String> second = post("/api/bookings", token, booking(bookingId, "Attendee One", 1));

        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(second.getStatusCode().value()).isEqualTo(201);
        assertThat(json.readTree(second.getBody())).isEqualTo(json.readTree(first.getBody()));
        assertThat(eventsAbout("SeatsReserved", bookingId)).isEqualTo(1);
        assertThat(eventsAbout("TicketsBooked", bookingId)).isEqualTo(1);
    }

    @Test
    void retriesSentAllAtOnceBookOnceAndAllGetTheSameAnswer() throws Exception {
        register("Impatient Person", "impatient@booking.test", null);
        String token = login("impatient@booking.test", "password-123");
        UUID bookingId = UUID.randomUUID();

        List<ResponseEntity<String>> answers = allAtOnce(10, i -> booking(bookingId, "Attendee One", 1), token);

        java.util.Set<String> references = new java.util.HashSet<>();
        for (ResponseEntity<String> answer : answers) {
            assertThat(answer.getStatusCode().value()).isEqualTo(201);
            references.add(json.readTree(answer.getBody()).get("reference").asText());
        }
        assertThat(references).hasSize(1);
        assertThat(eventsAbout("SeatsReserved", bookingId)).isEqualTo(1);
        assertThat(eventsAbout("TicketsBooked", bookingId)).isEqualTo(1);
    }

    @Test
    void aBookingIdReusedForADifferentBookingIsAConflict() {
        register("Reuse Person", "reuse@booking.test", null);
        String token = login("reuse@booking.test", "password-123");
        UUID bookingId = UUID.randomUUID();
        post("/api/bookings", token, booking(bookingId, "Attendee One", 1));

        ResponseEntity<String> reused = post("/api/bookings", token, booking(bookingId, "Attendee One", 2));

        assertThat(reused.getStatusCode().value()).isEqualTo(409);
        assertThat(reused.getBody()).contains("booking-id-used");
    }

    /** Its client would believe the booking changed: another attendee, a child ticket, another answer is a conflict. */
    @Test
    void aBookingIdReusedWithOtherAttendeesOrAnswersIsAConflictAndTheBookingKeepsItsOwn() throws Exception {
        register("Switch Person", "switch@booking.test", null);
        String token = login("switch@booking.test", "password-123");
        UUID bookingId = UUID.randomUUID();
        assertThat(post("/api/bookings", token, booking(bookingId, "Alice", 1))
                        .getStatusCode()
                        .value())
                .isEqualTo(201);
        Map<String, Object> child = new java.util.HashMap<>(booking(bookingId, "Alice", 1));
        child.put("tickets", List.of(Map.of("attendeeName", "Alice", "child", true)));
        Map<String, Object> otherAnswer = new java.util.HashMap<>(booking(bookingId, "Alice", 1));
        otherAnswer.put("answers", List.of(Map.of("question", "Dietary needs", "answer", "none")));

        for (Map<String, Object> changed : List.of(booking(bookingId, "Bob", 1), child, otherAnswer)) {
            ResponseEntity<String> refused = post("/api/bookings", token, changed);
            assertThat(refused.getStatusCode().value()).isEqualTo(409);
            assertThat(json.readTree(refused.getBody()).get("rule").asText()).isEqualTo("booking-id-used");
        }
        assertThat(post("/api/bookings", token, booking(bookingId, "Alice", 1))
                        .getStatusCode()
                        .value())
                .isEqualTo(201);
        assertThat(eventsAbout("TicketsBooked", bookingId)).isEqualTo(1);
    }

    /** Sent at once, they queue together: the first books, the same request repeats it, the others are refused. */
    @Test
    void sentAtOnceWithOtherAttendeesOnlyTheFirstsTwinsGetTheBooking() throws Exception {
        register("Racing Person", "racing@booking.test", null);
        String token = login("racing@booking.test", "password-123");
        UUID bookingId = UUID.randomUUID();

        List<ResponseEntity<String>> answers = allAtOnce(10, i -> booking(bookingId, "Attendee " + (i % 2), 1), token);

        java.util.Map<String, Integer> statuses = new java.util.HashMap<>();
        for (int i = 0; i < 10; i++) {
            statuses.merge(
                    "Attendee " + (i % 2) + " " + answers.get(i).getStatusCode().value(), 1, Integer::sum);
        }
        // one name won, all five of its requests got the booking; the other name's five got 409
        assertThat(statuses.values()).containsOnly(5);
        assertThat(statuses.keySet())
                .hasSize(2)
                .anyMatch(k -> k.endsWith("201"))
                .anyMatch(k -> k.endsWith("409"));
        assertThat(eventsAbout("TicketsBooked", bookingId)).isEqualTo(1);
    }

    /** Posts {@code count} bookings released at the same moment, each its own body; the answers in that order. */
    private List<ResponseEntity<String>> allAtOnce(
            int count, java.util.function.IntFunction<Map<String, Object>> body, String token) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(count);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<ResponseEntity<String>>> attempts = new java.util.ArrayList<>();
            for (int i = 0; i < count; i++) {
                Map<String, Object> request = body.apply(i);
                attempts.add(pool.submit(() -> {
                    start.await();
                    return post("/api/bookings", token, request);
                }));
            }
            start.countDown();
            List<ResponseEntity<String>> answers = new java.util.ArrayList<>();
            for (var attempt : attempts) {
                answers.add(attempt.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSoldOutBookingIsRefusedWithItsRuleAndStoresNothing() {
        register("Late Person", "late@booking.test", null);
        String token = login("late@booking.test", "password-123");
        post("/api/bookings", token, booking(UUID.randomUUID(), "Early Bird", 2));
        long eventsBefore = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        UUID refusedId = UUID.randomUUID();

        ResponseEntity<String> refused = post("/api/bookings", token, booking(refusedId, "Too Late", 1));

        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getBody()).contains("\"rule\":\"sold-out\"", "\"seatsLeft\":0");
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry", Long.class))
                .isEqualTo(eventsBefore);
        assertThat(jdbc.queryForObject(
                        "select count(*) from booking_reference where booking_id = ?",
                        Long.class,
                        refusedId.toString()))
                .isZero();
    }

    @Test
    void anUnknownTicketTypeIsUnprocessableAndAnUnknownEventIsNotFound() {
        register("Lost Person", "lost@booking.test", null);
        String token = login("lost@booking.test", "password-123");

        ResponseEntity<String> unknownType = post(
                "/api/bookings",
                token,
                Map.of(
                        "eventId",
                        eventId,
                        "ticketTypeId",
                        UUID.randomUUID().toString(),
                        "tickets",
                        List.of(Map.of("attendeeName", "A"))));
        ResponseEntity<String> unknownEvent = post(
                "/api/bookings",
                token,
                Map.of(
                        "eventId",
                        UUID.randomUUID().toString(),
                        "ticketTypeId",
                        ticketTypeId,
                        "tickets",
                        List.of(Map.of("attendeeName", "A"))));

        assertThat(unknownType.getStatusCode().value()).isEqualTo(422);
        assertThat(unknownType.getBody()).contains("unknown-ticket-type");
        assertThat(unknownEvent.getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void anEmailBelongsToOneAccountWhateverItsCase() {
        register("First Owner", "owner@booking.test", null);

        ResponseEntity<String> second = post(
                "/api/accounts",
                null,
                Map.of("name", "Second Owner", "email", "OWNER@Booking.Test", "password", "password-123"));

        assertThat(second.getStatusCode().value()).isEqualTo(409);
        assertThat(second.getBody()).contains("email-taken").doesNotContain("owner@", "OWNER@");
    }

    @Test
    void aWrongPasswordAndAnUnknownEmailGetTheSameAnswer() {
        register("Careful Person", "careful@booking.test", null);

        ResponseEntity<String> wrongPassword =
                post("/api/auth/token", null, Map.of("email", "careful@booking.test", "password", "not-the-password"));
        ResponseEntity<String> unknownEmail =
                post("/api/auth/token", null, Map.of("email", "nobody@booking.test", "password", "not-the-password"));

        assertThat(wrongPassword.getStatusCode().value()).isEqualTo(401);
        assertThat(unknownEmail.getStatusCode().value()).isEqualTo(401);
        assertThat(wrongPassword.getBody().replace("careful", "nobody")).isEqualTo(unknownEmail.getBody());
    }

    @Test
    void badInputIsA400ThatNamesTheFieldAndChangesNothing() {
        register("Sloppy Person", "sloppy@booking.test", null);
        String token = login("sloppy@booking.test", "password-123");
        long eventsBefore = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);

        ResponseEntity<String> missing = post(
                "/api/bookings",
                token,
                Map.of("ticketTypeId", ticketTypeId, "tickets", List.of(Map.of("attendeeName", " "))));
        ResponseEntity<String> wrongType = post(
                "/api/bookings",
                token,
                Map.of(
                        "eventId",
                        "not-a-uuid",
                        "ticketTypeId",
                        ticketTypeId,
                        "tickets",
                        List.of(Map.of("attendeeName", "A"))));
        ResponseEntity<String> malformed = post("/api/bookings", token, "{\"eventId\": ");
        ResponseEntity<String> badCapacity = post(
                "/api/admin/events",
                adminToken,
                Map.of(
                        "title",
                        "X",
                        "startsAt",
                        "2099-01-01T10:00:00Z",
                        "endsAt",
                        "2099-01-01T12:00:00Z",
                        "location",
                        "Y",
                        "organiser",
                        Map.of("name", "Z"),
                        "ticketTypes",
                        List.of(Map.of("name", "A", "price", 1, "capacity", "many"))));

        assertThat(missing.getStatusCode().value()).isEqualTo(400);
        assertThat(missing.getBody()).contains("\"field\":\"eventId\"", "\"field\":\"tickets[0].attendeeName\"");
        assertThat(wrongType.getStatusCode().value()).isEqualTo(400);
        assertThat(wrongType.getBody()).contains("\"field\":\"eventId\"").doesNotContain("not-a-uuid");
        assertThat(malformed.getStatusCode().value()).isEqualTo(400);
        assertThat(badCapacity.getStatusCode().value()).isEqualTo(400);
        assertThat(badCapacity.getBody()).contains("ticketTypes[0].capacity");
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry", Long.class))
                .isEqualTo(eventsBefore);
    }

    /** PostgreSQL cannot store NUL in text: accepted, it stopped every projection that copied the name. */
    @Test
    void anAttendeeNameWithTheNulCharacterIsRefusedAndStoresNothing() throws Exception {
        register("Nul Person", "nul@booking.test", null);
        String token = login("nul@booking.test", "password-123");
        long eventsBefore = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);

        ResponseEntity<String> refused = post(
                "/api/bookings",
                token,
                "{\"eventId\":\"" + eventId + "\",\"ticketTypeId\":\"" + ticketTypeId
                        + "\",\"tickets\":[{\"attendeeName\":\"Evil\\u0000Name\"}]}");
        ResponseEntity<String> registration = post(
                "/api/accounts",
                null,
                "{\"name\":\"Nul\\u0000\",\"email\":\"nul2@booking.test\",\"password\":\"password-123\"}");

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(refused.getBody()).at("/errors/0/field").asText())
                .isEqualTo("tickets[0].attendeeName");
        assertThat(registration.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(registration.getBody()).at("/errors/0/field").asText())
                .isEqualTo("name");
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry", Long.class))
                .isEqualTo(eventsBefore);
    }

    @Test
    void aPathIdThatIsNoUuidIsA400NamingIt() throws Exception {
        ResponseEntity<String> refused = post("/api/bookings/xyz-123/cancellation", adminToken, Map.of());

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(json.readTree(refused.getBody()).at("/errors/0/field").asText())
                .isEqualTo("bookingId");
        assertThat(json.readTree(refused.getBody()).get("detail").asText()).doesNotContain("xyz-123");
    }

    @Test
    void anEventThatEndsBeforeItStartsIsRefusedNamingEndsAt() throws Exception {
        ResponseEntity<String> refused = post(
                "/api/admin/events",
                adminToken,
                Map.of(
                        "title",
                        "Backwards",
                        "startsAt",
                        "2099-03-01T12:00:00Z",
                        "endsAt",
                        "2099-03-01T10:00:00Z",
                        "location",
                        "Hall",
                        "organiser",
                        Map.of("name", "Org"),
                        "ticketTypes",
                        List.of(Map.of("name", "A", "price", 1, "capacity", 5))));

        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        JsonNode problem = json.readTree(refused.getBody());
        assertThat(problem.get("rule").asText()).isEqualTo("ends-before-start");
        assertThat(problem.at("/errors/0/field").asText()).isEqualTo("endsAt");
    }

    @Test
    void twoTicketTypesWithOneNameAreRefusedNamingTheSecond() throws Exception {
        ResponseEntity<String> refused = post(
                "/api/admin/events",
                adminToken,
                Map.of(
                        "title",
                        "Twins",
                        "startsAt",
                        "2099-03-01T10:00:00Z",
                        "endsAt",
                        "2099-03-01T12:00:00Z",
                        "location",
                        "Hall",
                        "organiser",
                        Map.of("name", "Org"),
                        "ticketTypes",
                        List.of(
                                Map.of("name", "Adult", "price", 1, "capacity", 5),
                                Map.of("name", "ADULT ", "price", 2, "capacity", 5))));

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        JsonNode problem = json.readTree(refused.getBody());
        assertThat(problem.get("rule").asText()).isEqualTo("duplicate-ticket-type");
        assertThat(problem.at("/errors/0/field").asText()).isEqualTo("ticketTypes[1].name");
    }

    /** JSON of another type is refused, not converted: 2.5 seats would have become 2, a number a name. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"capacity\": 2.5} | ticketTypes[0].capacity",
                "{\"price\": true} | ticketTypes[0].price",
                "{\"name\": 7} | ticketTypes[0].name",
                "{\"title\": 5} | title",
                "{\"policy\": {\"transfersAllowed\": 1}} | policy.transfersAllowed",
                "{\"startsAt\": 1900000000} | startsAt",
                "{\"title\": \"Nul\\u0000Title\"} | title",
                "{\"name\": \"A\\u0000\"} | ticketTypes[0].name"
            })
    void aValueOfAnotherJsonTypeIsA400NamingTheField(String change, String field) throws Exception {
        Map<String, Object> ticketType = new java.util.HashMap<>(Map.of("name", "A", "price", 1, "capacity", 5));
        Map<String, Object> event = new java.util.HashMap<>(Map.of(
                "title",
                "Typed",
                "startsAt",
                "2099-03-01T10:00:00Z",
                "endsAt",
                "2099-03-01T12:00:00Z",
                "location",
                "Hall",
                "organiser",
                Map.of("name", "Org")));
        Map<String, Object> changed = json.readValue(change, new com.fasterxml.jackson.core.type.TypeReference<>() {});
        (field.startsWith("ticketTypes") ? ticketType : event).putAll(changed);
        event.put("ticketTypes", List.of(ticketType));
        long eventsBefore = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);

        ResponseEntity<String> refused = post("/api/admin/events", adminToken, event);

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(refused.getBody()).at("/errors/0/field").asText())
                .isEqualTo(field);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry", Long.class))
                .isEqualTo(eventsBefore);
    }

    @Test
    void schedulingRetriedIsAnsweredAsTheFirstTimeAndTheSameIdForAnotherEventIsAConflict() throws Exception {
        String eventId = UUID.randomUUID().toString();
        Map<String, Object> event = Map.of(
                "eventId",
                eventId,
                "title",
                "Twice",
                "startsAt",
                "2099-02-01T10:00:00Z",
                "endsAt",
                "2099-02-01T12:00:00Z",
                "location",
                "Hall",
                "organiser",
                Map.of("name", "Org"),
                "ticketTypes",
                List.of(Map.of("name", "A", "price", 1, "capacity", 5)));
        Map<String, Object> other = new java.util.HashMap<>(event);
        other.put("title", "Another event");

        ResponseEntity<String> first = post("/api/admin/events", adminToken, event);
        ResponseEntity<String> retry = post("/api/admin/events", adminToken, event);
        ResponseEntity<String> clash = post("/api/admin/events", adminToken, other);

        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(retry.getStatusCode().value()).isEqualTo(201);
        assertThat(json.readTree(retry.getBody())).isEqualTo(json.readTree(first.getBody()));
        assertThat(clash.getStatusCode().value()).isEqualTo(409);
        assertThat(clash.getBody()).contains("already-exists");
        assertThat(jdbc.queryForObject(
                        "select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class, eventId))
                .isEqualTo(1);
    }

    @Test
    void twoTicketTypesOfOneNameAreRefusedNamingTheSecond() throws Exception {
        ResponseEntity<String> refused = post(
                "/api/admin/events",
                adminToken,
                Map.of(
                        "title",
                        "Doubled",
                        "startsAt",
                        "2099-02-01T10:00:00Z",
                        "endsAt",
                        "2099-02-01T12:00:00Z",
                        "location",
                        "Hall",
                        "organiser",
                        Map.of("name", "Org"),
                        "ticketTypes",
                        List.of(
                                Map.of("name", "Adult", "price", 1, "capacity", 5),
                                Map.of("name", " adult ", "price", 2, "capacity", 5))));

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(refused.getBody()).at("/errors/0/field").asText())
                .isEqualTo("ticketTypes[1].name");
    }

    @Test
    void schedulingNeedsTheAdminRole() {
        register("Curious Person", "curious@booking.test", null);
        String token = login("curious@booking.test", "password-123");

        assertThat(post("/api/admin/events", null, Map.of()).getStatusCode().value())
                .isEqualTo(401);
        ResponseEntity<String> forbidden = post("/api/admin/events", token, Map.of());
        assertThat(forbidden.getStatusCode().value()).isEqualTo(403);
        assertThat(forbidden.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(post("/api/bookings", "not.a.token", Map.of())
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
    }

    @Test
    void aBodySentInChunksIsReadAndAHugeOneIsRefusedWithoutHangingTheConnection() throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.util.function.Function<byte[], java.net.http.HttpResponse<String>> sendChunked = body -> {
            try {
                // a publisher of unknown length makes the client send Transfer-Encoding: chunked
                return client.send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(http.getRootUri() + "/api/auth/token"))
                                .timeout(java.time.Duration.ofSeconds(10))
                                .header("Content-Type", "application/json")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                                        () -> new java.io.ByteArrayInputStream(body)))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };

        var login = sendChunked.apply("{\"email\":\"admin@booking.test\",\"password\":\"admin-password\"}".getBytes());
        var huge = sendChunked.apply(("{\"email\":\"" + "a".repeat(200_000) + "\"}").getBytes());

        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(json.readTree(huge.body()).at("/errors/0/field").asText()).isEqualTo("body");
        // and with its length declared, before anything reads it
        ResponseEntity<String> declared = post("/api/auth/token", null, Map.of("email", "a".repeat(200_000)));
        assertThat(declared.getStatusCode().value()).isEqualTo(413);
        assertThat(declared.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    /** Input a fuzzer found answered 500: each is a 4xx problem naming what was wrong, and stores nothing. */
    @Test
    void inputAtTheEdgesIsRefusedAsA4xxProblemNamingIt() throws Exception {
        register("Edge Person", "edge@booking.test", null);
        String token = login("edge@booking.test", "password-123");
        long eventsBefore = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);

        ResponseEntity<String> twice = post(
                "/api/auth/token",
                null,
                "{\"email\":\"edge@booking.test\",\"password\":\"password-123\",\"email\":\"other@booking.test\"}");
        assertProblem(twice, 400, "email");

        for (String type : List.of("*/*", "application/*")) {
            HttpHeaders headers = headers(token);
            headers.set(HttpHeaders.CONTENT_TYPE, type);
            ResponseEntity<String> wildcard = http.exchange(
                    "/api/bookings",
                    HttpMethod.POST,
                    new HttpEntity<>(json.writeValueAsString(booking(UUID.randomUUID(), "Wild", 1)), headers),
                    String.class);
            assertThat(wildcard.getStatusCode().value()).as(type).isEqualTo(415);
            assertThat(wildcard.getHeaders().getContentType()).as(type).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }

        // an id of another kind of aggregate, or the nil UUID, is no event
        String bookingId = UUID.randomUUID().toString();
        assertThat(post("/api/bookings", token, booking(UUID.fromString(bookingId), "Real", 1))
                        .getStatusCode()
                        .value())
                .isEqualTo(201);
        eventsBefore = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        for (String wrongEvent : List.of(bookingId, "00000000-0000-0000-0000-000000000000")) {
            Map<String, Object> body = new java.util.HashMap<>(booking(UUID.randomUUID(), "Lost", 1));
            body.put("eventId", wrongEvent);
            assertNotFound(post("/api/bookings", token, body), "eventId");
            assertNotFound(
                    post(
                            "/api/waiting-list",
                            token,
                            Map.of("eventId", wrongEvent, "ticketTypeId", ticketTypeId, "quantity", 1)),
                    "eventId");
            assertNotFound(
                    post(
                            "/api/bookings/" + bookingId + "/transfer",
                            token,
                            Map.of("eventId", wrongEvent, "ticketTypeId", ticketTypeId)),
                    "eventId");
        }
        assertNotFound(post("/api/bookings/" + eventId + "/cancellation", token, Map.of()), "bookingId");

        // instants PostgreSQL cannot store
        ResponseEntity<String> farEnd = post(
                "/api/admin/events",
                adminToken,
                Map.of(
                        "title",
                        "Forever",
                        "startsAt",
                        "2099-03-01T10:00:00Z",
                        "endsAt",
                        "+999999999-12-31T23:59:59Z",
                        "location",
                        "Hall",
                        "organiser",
                        Map.of("name", "Org"),
                        "ticketTypes",
                        List.of(Map.of("name", "A", "price", 1, "capacity", 5))));
        assertProblem(farEnd, 400, "endsAt");
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry", Long.class))
                .isEqualTo(eventsBefore);
    }

    /** What Tomcat or the firewall refuses before a controller is problem+json as well, and does not echo it. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "GET /api/bookings/%00/x HTTP/1.1 | 400",
                "GET /api/bookings/a%2Fb HTTP/1.1 | 400",
                "GET /api/bookings/a%5Cb HTTP/1.1 | 400",
                "GET /api/%ED%A0%80 HTTP/1.1 | 400",
                "GET /api/%zz HTTP/1.1 | 400",
                "TRACE /api/accounts HTTP/1.1 | 400"
            })
    void whatTheContainerRefusesIsAProblemToo(String requestLine, int status) throws Exception {
        String answer = raw(requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 " + status);
        assertThat(answer)
                .containsIgnoringCase("Content-Type: application/problem+json")
                .doesNotContain("<html", "%2F", "%zz");
    }

    @Test
    void thePortalsOriginMayCallFromABrowserAndOthersMayNot() throws Exception {
        String preflight = raw("OPTIONS /api/bookings HTTP/1.1\r\nHost: localhost\r\nOrigin: http://localhost:3000\r\n"
                + "Access-Control-Request-Method: POST\r\nAccess-Control-Request-Headers: authorization, content-type\r\n"
                + "Connection: close\r\n\r\n");
        assertThat(preflight).startsWith("HTTP/1.1 200");
        assertThat(preflight).containsIgnoringCase("Access-Control-Allow-Origin: http://localhost:3000");
        assertThat(preflight.toLowerCase()).contains("access-control-allow-headers: authorization, content-type");

        String elsewhere = raw("OPTIONS /api/bookings HTTP/1.1\r\nHost: localhost\r\nOrigin: https://evil.example\r\n"
                + "Access-Control-Request-Method: POST\r\nConnection: close\r\n\r\n");
        assertThat(elsewhere).startsWith("HTTP/1.1 403").doesNotContainIgnoringCase("Access-Control-Allow-Origin");

        String answer = raw("GET /api/accounts/me/bookings-that-do-not-exist HTTP/1.1\r\nHost: localhost\r\n"
                + "Origin: http://localhost:3000\r\nConnection: close\r\n\r\n");
        assertThat(answer).containsIgnoringCase("Access-Control-Allow-Origin: http://localhost:3000");
        assertThat(answer).containsIgnoringCase("Access-Control-Expose-Headers: X-Consistency-Token");
    }

    @Test
    void headersOverTheLimitAreRefusedAsAProblem() throws Exception {
        String answer = raw("GET /api/accounts/me HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "b".repeat(10_000)
                + "\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(answer)
                .containsIgnoringCase("Content-Type: application/problem+json")
                .doesNotContain("bbbbbbbb");
    }

    private String raw(String request) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private void assertNotFound(ResponseEntity<String> answer, String field) throws Exception {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(404);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json.readTree(answer.getBody()).get("rule").asText()).isEqualTo("not-found");
        assertThat(json.readTree(answer.getBody()).at("/errors/0/field").asText())
                .isEqualTo(field);
    }

    private void assertProblem(ResponseEntity<String> answer, int status, String field) throws Exception {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json.readTree(answer.getBody()).at("/errors/0/field").asText())
                .isEqualTo(field);
    }

    private Map<String, Object> booking(UUID bookingId, String attendee, int tickets) {
        return Map.of(
                "bookingId",
                bookingId.toString(),
                "eventId",
                eventId,
                "ticketTypeId",
                ticketTypeId,
                "tickets",
                java.util.Collections.nCopies(tickets, Map.of("attendeeName", attendee, "child", false)),
                "answers",
                List.of(Map.of("question", "Dietary needs", "answer", "gluten free")));
    }

    private long eventsAbout(String simpleName, UUID bookingId) {
        return jdbc.queryForObject("""
                select count(*) from domain_event_entry
                where payload_type like ? and convert_from(payload, 'UTF8') like ?""", Long.class, "%." + simpleName, "%\"bookingId\":\"" + bookingId + "\"%");
    }

    private String register(String name, String email, String phone) {
        Map<String, Object> body =
                new java.util.HashMap<>(Map.of("name", name, "email", email, "password", "password-123"));
        if (phone != null) {
            body.put("phone", phone);
        }
        ResponseEntity<String> registered = post("/api/accounts", null, body);
        assertThat(registered.getStatusCode().value()).isEqualTo(201);
        try {
            return json.readTree(registered.getBody()).get("accountId").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
