package io.booking.command.guest;

import com.fasterxml.jackson.databind.JsonNode;
import io.booking.command.security.OneTimeTokens;
import io.booking.command.support.CommandApiTest;
import io.booking.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Guest checkout, the manage link's session, linking to an account and erasing the guest, over HTTP. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=command-side",
            "booking.admin.email=admin@guest.test",
            "booking.admin.password=admin-password",
            "booking.security.bcrypt-strength=4",
            "spring.datasource.hikari.maximum-pool-size=5"
        })
class GuestApiTest extends CommandApiTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    JdbcTemplate jdbc;

    private String admin;
    private JsonNode event;

    @BeforeEach
    void setUp() throws Exception {
        admin = login("admin@guest.test", "admin-password");
        event = schedule();
    }

    @Test
    void aGuestBooksWithoutATokenAndItsManageTokenIsStoredOnlyHashed() throws Exception {
        Map<String, Object> body = guestBody(2);
        ResponseEntity<String> booked = post("/api/guest/bookings", null, body);

        assertThat(booked.getStatusCode().value()).isEqualTo(201);
        JsonNode answer = json.readTree(booked.getBody());
        String token = answer.get("manageToken").asText();
        assertThat(Base64.getUrlDecoder().decode(token)).hasSizeGreaterThanOrEqualTo(16);
        assertThat(answer.get("reference").asText()).matches("[A-Z2-9]{4}-[A-Z2-9]{4}");
        assertThat(booked.getHeaders().getFirst("X-Consistency-Token")).isNotBlank();
        String bookingId = body.get("bookingId").toString();
        Map<String, Object> row =
                jdbc.queryForMap("select guest_id, token_hash from guest_booking where booking_id = ?", bookingId);
        assertThat(row.get("token_hash")).isEqualTo(OneTimeTokens.hash(token));
        String guestId = (String) row.get("guest_id");
        assertThat(keyRows(guestId)).isEqualTo(1);
        String events = jdbc.queryForObject("""
                select string_agg(convert_from(payload, 'UTF8'), ' ') from domain_event_entry
                where aggregate_identifier = ?""", String.class, bookingId);
        assertThat(events).contains(guestId).doesNotContain("Gale Guest", "gale@guest.example", "Tom Guest", token);
        assertThat(jdbc.queryForObject(
                        "select customer_id from booking_reference where booking_id = ?", String.class, bookingId))
                .isEqualTo(guestId);
    }

    @Test
    void aRetryWithTheSameBookingIdBooksOnceAndCannotHaveTheTokenAgain() throws Exception {
        Map<String, Object> body = guestBody(1);
        ResponseEntity<String> first = post("/api/guest/bookings", null, body);
        ResponseEntity<String> retry = post("/api/guest/bookings", null, body);
        Map<String, Object> other = new HashMap<>(guestBody(2));
        other.put("bookingId", body.get("bookingId"));
        ResponseEntity<String> clash = post("/api/guest/bookings", null, other);

        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(retry.getStatusCode().value()).isEqualTo(201);
        JsonNode repeated = json.readTree(retry.getBody());
        assertThat(repeated.get("reference").asText())
                .isEqualTo(json.readTree(first.getBody()).get("reference").asText());
        assertThat(repeated.has("manageToken")).isFalse();
        assertThat(clash.getStatusCode().value()).isEqualTo(409);
        assertThat(json.readTree(clash.getBody()).get("rule").asText()).isEqualTo("booking-id-used");
        // the same contact with the email in capitals is the same request
        Map<String, Object> shouted = new HashMap<>(body);
        shouted.put(
                "contact", Map.of("name", "Gale Guest", "email", "GALE@GUEST.EXAMPLE", "phone", "+44 20 7946 0000"));
        assertThat(post("/api/guest/bookings", null, shouted).getStatusCode().value())
                .isEqualTo(201);
        // the same tickets for someone else are another booking, not a retry
        Map<String, Object> otherPerson = new HashMap<>(body);
        otherPerson.put("contact", Map.of("name", "Other Guest", "email", "other@guest.example"));
        ResponseEntity<String> otherContact = post("/api/guest/bookings", null, otherPerson);
        assertThat(otherContact.getStatusCode().value()).isEqualTo(409);
        assertThat(json.readTree(otherContact.getBody()).get("rule").asText()).isEqualTo("booking-id-used");
        assertThat(jdbc.queryForObject(
                        "select count(*) from domain_event_entry where aggregate_identifier = ? "
                                + "and payload_type like '%.TicketsBooked'",
                        Long.class, body.get("bookingId").toString()))
                .isOne();
    }

    @Test
    void theManageTokenGivesAGuestSessionThatCancelsThatBookingAlone() throws Exception {
        Guest mine = bookAsGuest(1);
        Guest theirs = bookAsGuest(1);

        ResponseEntity<String> session = post("/api/guest/session", null, Map.of("token", mine.token()));
        assertThat(session.getStatusCode().value()).isEqualTo(200);
        JsonNode granted = json.readTree(session.getBody());
        assertThat(granted.get("bookingId").asText()).isEqualTo(mine.bookingId());
        assertThat(granted.get("reference").asText()).isEqualTo(mine.reference());
        assertThat(granted.get("expiresIn").asLong()).as("a short session").isEqualTo(900);
        String guest = granted.get("accessToken").asText();

        assertThat(post("/api/bookings/" + theirs.bookingId() + "/cancellation", guest, Map.of())
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        assertThat(post("/api/bookings", guest, bookingBody(1)).getStatusCode().value())
                .isEqualTo(403);
        assertThat(put("/api/accounts/me", guest, Map.of("name", "X", "email", "x@guest.example"))
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(post("/api/admin/bookings/" + mine.bookingId() + "/guest-erasure", guest, Map.of())
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        ResponseEntity<String> cancelled = post("/api/bookings/" + mine.bookingId() + "/cancellation", guest, Map.of());
        assertThat(cancelled.getStatusCode().value()).isEqualTo(200);
        assertThat(jdbc.queryForObject(
                        "select count(*) from domain_event_entry where aggregate_identifier = ? "
                                + "and payload_type like '%.BookingCancelled'",
                        Long.class, theirs.bookingId()))
                .isZero();
    }

    @Test
    void badInputIs400NamingTheFieldAndAnUnknownTokenIs401() throws Exception {
        Map<String, Object> noEmail = new HashMap<>(guestBody(1));
        noEmail.put("contact", Map.of("name", "Gale Guest"));
        Map<String, Object> noContact = new HashMap<>(guestBody(1));
        noContact.remove("contact");
        Map<String, Object> badPhone = new HashMap<>(guestBody(1));
        badPhone.put("contact", Map.of("name", "Gale Guest", "email", "gale@guest.example", "phone", "call me"));

        ResponseEntity<String> missingEmail = post("/api/guest/bookings", null, noEmail);
        ResponseEntity<String> missingContact = post("/api/guest/bookings", null, noContact);
        ResponseEntity<String> wrongPhone = post("/api/guest/bookings", null, badPhone);
        ResponseEntity<String> noToken = post("/api/guest/session", null, Map.of());
        ResponseEntity<String> unknownToken =
                post("/api/guest/session", null, Map.of("token", OneTimeTokens.newToken()));

        assertThat(missingEmail.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(missingEmail.getBody()).at("/errors/0/field").asText())
                .isEqualTo("contact.email");
        assertThat(missingContact.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(missingContact.getBody()).at("/errors/0/field").asText())
                .isEqualTo("contact");
        assertThat(wrongPhone.getStatusCode().value()).isEqualTo(400);
        assertThat(wrongPhone.getBody()).contains("contact.phone").doesNotContain("call me");
        assertThat(noToken.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(noToken.getBody()).at("/errors/0/field").asText())
                .isEqualTo("token");
        assertThat(unknownToken.getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void anAdminLinksAGuestBookingToAnAccountAndTheGuestsLinkStopsWorking() throws Exception {
        Guest guest = bookAsGuest(2);
        String guestId = guestIdOf(guest.bookingId());
        String email = "linked-" + UUID.randomUUID() + "@guest.test";
        String accountId = register(email);
        String customer = login(email, "password-123");

        assertThat(post(link(guest), null, Map.of("accountId", accountId))
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
        assertThat(post(link(guest), customer, Map.of("accountId", accountId))
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        ResponseEntity<String> noAccount = post(link(guest), admin, Map.of());
        assertThat(noAccount.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(noAccount.getBody()).at("/errors/0/field").asText())
                .isEqualTo("accountId");
        ResponseEntity<String> unknownAccount = post(link(guest), admin, Map.of("accountId", UUID.randomUUID()));
        assertThat(unknownAccount.getStatusCode().value()).isEqualTo(404);
        assertThat(json.readTree(unknownAccount.getBody()).get("rule").asText()).isEqualTo("no-such-account");
        assertThat(post("/api/admin/bookings/" + UUID.randomUUID() + "/link", admin, Map.of("accountId", accountId))
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        Map<String, Object> accountBooking = bookingBody(1);
        assertThat(post("/api/bookings", customer, accountBooking)
                        .getStatusCode()
                        .value())
                .isEqualTo(201);
        ResponseEntity<String> notGuest = post(
                "/api/admin/bookings/" + accountBooking.get("bookingId") + "/link",
                admin,
                Map.of("accountId", accountId));
        assertThat(notGuest.getStatusCode().value()).isEqualTo(409);
        assertThat(json.readTree(notGuest.getBody()).get("rule").asText()).isEqualTo("not-a-guest-booking");

        ResponseEntity<String> linked =
                post(link(guest), admin, Map.of("accountId", accountId, "keepGuestContact", false));

        assertThat(linked.getStatusCode().value()).isEqualTo(200);
        assertThat(jdbc.queryForObject(
                        "select customer_id from booking_reference where booking_id = ?",
                        String.class,
                        guest.bookingId()))
                .isEqualTo(accountId);
        assertThat(keyRows(guestId)).as("the guest's copy erased with its key").isZero();
        assertThat(post("/api/guest/session", null, Map.of("token", guest.token()))
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
        ResponseEntity<String> again = post(link(guest), admin, Map.of("accountId", accountId));
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(json.readTree(again.getBody()).get("rule").asText()).isEqualTo("already-linked");
        // the account holder now manages it
        assertThat(post("/api/bookings/" + guest.bookingId() + "/cancellation", customer, Map.of())
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
    }

    @Test
    void aLinkedBookingCountsAmongTheAccountsUpcomingBookingsWhenTheAccountIsDeleted() throws Exception {
        Guest guest = bookAsGuest(2);
        String email = "deleting-" + UUID.randomUUID() + "@guest.test";
        String accountId = register(email);
        assertThat(post(link(guest), admin, Map.of("accountId", accountId))
                        .getStatusCode()
                        .value())
                .isEqualTo(200);

        ResponseEntity<String> refused = http.exchange(
                "/api/accounts/me",
                HttpMethod.DELETE,
                new HttpEntity<>(Map.of("password", "password-123"), headers(login(email, "password-123"))),
                String.class);

        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(json.readTree(refused.getBody()).get("upcomingBookings").asInt())
                .isEqualTo(1);
    }

    @Test
    void theGuestSessionCancelsOneTicketOfItsBooking() throws Exception {
        Guest guest = bookAsGuest(2);
        String session = json.readTree(post("/api/guest/session", null, Map.of("token", guest.token()))
                        .getBody())
                .get("accessToken")
                .asText();
        String ticketId = jdbc.queryForObject("""
                select convert_from(payload, 'UTF8')::jsonb -> 'tickets' -> 0 ->> 'ticketId' from domain_event_entry
                where aggregate_identifier = ? and payload_type like '%.TicketsBooked'""", String.class, guest.bookingId());

        assertThat(post(
                                "/api/bookings/" + guest.bookingId() + "/tickets/" + ticketId + "/cancellation",
                                session,
                                Map.of())
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertThat(post(
                                "/api/bookings/" + guest.bookingId() + "/transfer",
                                session,
                                Map.of(
                                        "eventId",
                                        event.get("eventId").asText(),
                                        "ticketTypeId",
                                        event.at("/ticketTypes/0/ticketTypeId").asText()))
                        .getStatusCode()
                        .value())
                .as("a guest session only cancels")
                .isEqualTo(403);
    }

    @Test
    void aLinkMayKeepTheGuestsCopyWhichAnErasureLaterRemoves() throws Exception {
        Guest guest = bookAsGuest(1);
        String guestId = guestIdOf(guest.bookingId());
        String accountId = register("kept-" + UUID.randomUUID() + "@guest.test");

        assertThat(post(link(guest), admin, Map.of("accountId", accountId, "keepGuestContact", true))
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertThat(keyRows(guestId)).isEqualTo(1);

        assertThat(post(erasure(guest.bookingId()), admin, Map.of())
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertThat(keyRows(guestId)).isZero();
    }

    @Test
    void anAdminErasesAGuestsDataOnceTheBookingStays() throws Exception {
        Guest guest = bookAsGuest(2);
        String guestId = guestIdOf(guest.bookingId());
        String customerEmail = "nosy-" + UUID.randomUUID() + "@guest.test";
        register(customerEmail);

        assertThat(post(erasure(guest.bookingId()), null, Map.of())
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
        assertThat(post(erasure(guest.bookingId()), login(customerEmail, "password-123"), Map.of())
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(post(erasure(UUID.randomUUID().toString()), admin, Map.of())
                        .getStatusCode()
                        .value())
                .isEqualTo(404);

        ResponseEntity<String> erased = post(erasure(guest.bookingId()), admin, Map.of());

        assertThat(erased.getStatusCode().value()).isEqualTo(200);
        assertThat(erased.getHeaders().getFirst("X-Consistency-Token")).isNotBlank();
        assertThat(keyRows(guestId)).isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from domain_event_entry where aggregate_identifier = ? "
                                + "and payload_type like '%.GuestDataErased'",
                        Long.class, guest.bookingId()))
                .isOne();
        assertThat(jdbc.queryForObject(
                        "select token_hash from guest_booking where booking_id = ?", String.class, guest.bookingId()))
                .isNull();
        assertThat(post("/api/guest/session", null, Map.of("token", guest.token()))
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
        ResponseEntity<String> twice = post(erasure(guest.bookingId()), admin, Map.of());
        assertThat(twice.getStatusCode().value()).isEqualTo(409);
        assertThat(json.readTree(twice.getBody()).get("rule").asText()).isEqualTo("guest-data-erased");
        // still counted: the booking's events and reference stay
        assertThat(jdbc.queryForObject(
                        "select count(*) from booking_reference where booking_id = ?", Long.class, guest.bookingId()))
                .isOne();
    }

    private record Guest(String bookingId, String reference, String token) {}

    private Guest bookAsGuest(int tickets) throws Exception {
        Map<String, Object> body = guestBody(tickets);
        ResponseEntity<String> booked = post("/api/guest/bookings", null, body);
        assertThat(booked.getStatusCode().value()).isEqualTo(201);
        JsonNode answer = json.readTree(booked.getBody());
        return new Guest(
                body.get("bookingId").toString(),
                answer.get("reference").asText(),
                answer.get("manageToken").asText());
    }

    private String guestIdOf(String bookingId) {
        return jdbc.queryForObject("select guest_id from guest_booking where booking_id = ?", String.class, bookingId);
    }

    private static String link(Guest guest) {
        return "/api/admin/bookings/" + guest.bookingId() + "/link";
    }

    private static String erasure(String bookingId) {
        return "/api/admin/bookings/" + bookingId + "/guest-erasure";
    }

    private Map<String, Object> guestBody(int tickets) {
        Map<String, Object> body = new HashMap<>(bookingBody(tickets));
        body.put("tickets", Collections.nCopies(tickets, Map.of("attendeeName", "Tom Guest", "child", false)));
        body.put("contact", Map.of("name", "Gale Guest", "email", "gale@guest.example", "phone", "+44 20 7946 0000"));
        return body;
    }

    private Map<String, Object> bookingBody(int tickets) {
        return Map.of(
                "bookingId",
                UUID.randomUUID().toString(),
                "eventId",
                event.get("eventId").asText(),
                "ticketTypeId",
                event.at("/ticketTypes/0/ticketTypeId").asText(),
                "tickets",
                Collections.nCopies(tickets, Map.of("attendeeName", "Someone", "child", false)));
    }

    private JsonNode schedule() throws Exception {
        ResponseEntity<String> scheduled = post(
                "/api/admin/events",
                admin,
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
                        List.of(Map.of("name", "Adult", "price", 25, "capacity", 20)),
                        "policy",
                        Map.of(
                                "transfersAllowed",
                                true,
                                "cancellationsAllowed",
                                true,
                                "cancellationCutoffHours",
                                24,
                                "attendanceTracking",
                                false)));
        assertThat(scheduled.getStatusCode().value()).isEqualTo(201);
        return json.readTree(scheduled.getBody());
    }

    private long keyRows(String subjectId) {
        return jdbc.queryForObject(
                "select count(*) from personal_data_key where subject_id = ?", Long.class, subjectId);
    }

    private String register(String email) throws Exception {
        ResponseEntity<String> registered = post(
                "/api/accounts", null, Map.of("name", "Account Holder", "email", email, "password", "password-123"));
        assertThat(registered.getStatusCode().value()).isEqualTo(201);
        return json.readTree(registered.getBody()).get("accountId").asText();
    }
}
