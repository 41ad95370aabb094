package io.booking.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.booking.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Guest checkout end to end: guests book without an account and manage their booking with the link's token (see it,
 * cancel it, nothing else); an admin links one booking to an account (it shows in the account's Upcoming with its
 * names) and erases another guest's data, after which neither the tables, nor pg_dump, nor a rebuild of every
 * projection, nor the logs hold any of that guest's values, and the bookings still count.
 */
@ExtendWith(OutputCaptureExtension.class)
class GuestCheckoutEndToEndTest {

    private static final String ADMIN_EMAIL = "admin@guest-e2e.test";
    private static final String ADMIN_PASSWORD = "admin-password";

    // the guest whose data is erased
    private static final String GUEST_NAME = "Peregrina Wolstenholme";
    private static final String GUEST_EMAIL = "peregrina.wolstenholme@guest-e2e.test";
    private static final String GUEST_PHONE = "+44 7700 900789";
    private static final String GUEST_ATTENDEE = "Barnaby Fitzwilliam-Crump";
    private static final String GUEST_ANSWER = "vegan, no quinoa please";
    // the guest whose booking is linked to an account, dropping the guest's copy of the contact
    private static final String LINKED_NAME = "Dorothea Cattermole";
    private static final String LINKED_EMAIL = "dorothea.cattermole@guest-e2e.test";
    private static final String LINKED_ATTENDEE = "Jasper Linklater";

    private static TestDatabase database;
    private static BookingSystem system;
    private static Api api;

    @BeforeAll
    static void startBothSides() throws Exception {
        database = TestDatabase.fresh();
        system = BookingSystem.start(
                TestSystems.smallPools(TestSystems.settings(database, ADMIN_EMAIL, ADMIN_PASSWORD)));
        api = new Api(system.commandPort(), system.queryPort());
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void guestsBookAndManageWithTheLinkAnAdminLinksOneAndErasesAnotherWithoutATrace(CapturedOutput output)
            throws Exception {
        String admin = api.login(ADMIN_EMAIL, ADMIN_PASSWORD);
        JsonNode event = api.schedule(admin, "Guest Gala", Instant.now().plus(30, ChronoUnit.DAYS));

        Api.Answer erasedOne = bookAsGuest(
                event, GUEST_NAME, GUEST_EMAIL, GUEST_PHONE, List.of(GUEST_NAME, GUEST_ATTENDEE), GUEST_ANSWER);
        Api.Answer linkedOne = bookAsGuest(event, LINKED_NAME, LINKED_EMAIL, null, List.of(LINKED_ATTENDEE), null);
        Api.Answer stranger =
                bookAsGuest(event, "Some Stranger", "stranger@guest-e2e.test", null, List.of("Some Stranger"), null);
        String manageToken = erasedOne.body().get("manageToken").asText();
        String reference = erasedOne.body().get("reference").asText();
        String bookingId = erasedOne.body().get("bookingId").asText();

        // the guest manages the booking with the link's token: sees it, not another, and cancels it
        Api.Answer session = api.command("/api/guest/session", null, Map.of("token", manageToken));
        assertThat(session.status()).isEqualTo(200);
        String guest = session.body().get("accessToken").asText();
        JsonNode mine = api.query("/api/bookings/" + reference, guest, stranger.consistencyToken())
                .body();
        assertThat(mine.get("bookingId").asText()).isEqualTo(bookingId);
        assertThat(mine.at("/tickets/1/attendeeName").asText()).isEqualTo(GUEST_ATTENDEE);
        assertThat(mine.at("/contact/email").asText()).isEqualTo(GUEST_EMAIL);
        assertThat(mine.get("guestBooking").asBoolean()).isTrue();
        assertThat(api.query("/api/bookings/" + stranger.body().get("reference").asText(), guest, null)
                        .status())
                .isEqualTo(404);
        assertThat(api.query("/api/my/upcoming", guest, null).status()).isEqualTo(403);
        assertThat(api.command(
                                "/api/bookings/"
                                        + stranger.body().get("bookingId").asText() + "/cancellation",
                                guest,
                                Map.of())
                        .status())
                .isEqualTo(404);
        Api.Answer cancelled = api.command("/api/bookings/" + bookingId + "/cancellation", guest, Map.of());
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(api.query("/api/bookings/" + reference, guest, cancelled.consistencyToken())
                        .body()
                        .get("status")
                        .asText())
                .isEqualTo("CANCELLED");

        // an admin links the second guest booking to an account: it shows in that account's Upcoming
        String customerEmail = "linked.customer@guest-e2e.test";
        String accountId = api.register("Linked Customer", customerEmail, "password-123");
        String customer = api.login(customerEmail, "password-123");
        String linkedBookingId = linkedOne.body().get("bookingId").asText();
        Api.Answer linked = api.command(
                "/api/admin/bookings/" + linkedBookingId + "/link",
                admin,
                Map.of("accountId", accountId, "keepGuestContact", false));
        assertThat(linked.status()).isEqualTo(200);
        JsonNode upcoming = api.query("/api/my/upcoming", customer, linked.consistencyToken())
                .body();
        assertThat(upcoming.get("items")).hasSize(1);
        assertThat(upcoming.at("/items/0/reference").asText())
                .isEqualTo(linkedOne.body().get("reference").asText());
        assertThat(upcoming.at("/items/0/tickets/0/attendeeName").asText()).isEqualTo(LINKED_ATTENDEE);
        JsonNode linkedDetails = api.query(
                        "/api/bookings/" + linkedOne.body().get("reference").asText(),
                        customer,
                        linked.consistencyToken())
                .body();
        assertThat(linkedDetails.get("customerId").asText()).isEqualTo(accountId);
        assertThat(linkedDetails.at("/contact/name").asText()).isEqualTo("Linked Customer");
        assertThat(linkedDetails.path("guestContact").isNull()).isTrue();
        assertThat(api.command(
                                "/api/guest/session",
                                null,
                                Map.of(
                                        "token",
                                        linkedOne.body().get("manageToken").asText()))
                        .status())
                .as("the link no longer grants it")
                .isEqualTo(401);

        Map<String, List<Long>> before = ReadModels.countsPerEvent(database);
        assertThat(DatabaseDump.everyTable(database)).contains(GUEST_ATTENDEE, GUEST_ANSWER, GUEST_EMAIL);

        // an admin erases the first guest's data
        Api.Answer erased = api.command("/api/admin/bookings/" + bookingId + "/guest-erasure", admin, Map.of());
        assertThat(erased.status()).isEqualTo(200);
        long lastPosition = erased.consistencyToken();
        JsonNode scrubbed =
                api.query("/api/bookings/" + reference, admin, lastPosition).body();
        assertThat(scrubbed.at("/tickets/1/attendeeName").asText()).isEqualTo("[erased]");
        assertThat(scrubbed.get("customerDeleted").asBoolean()).isTrue();
        assertThat(scrubbed.path("contact").isNull()).isTrue();
        assertThat(api.command("/api/guest/session", null, Map.of("token", manageToken))
                        .status())
                .isEqualTo(401);
        assertThat(ReadModels.countsPerEvent(database)).isEqualTo(before);
        assertNoGuestData("after the erasure", manageToken);

        ReadModels.rebuildEveryProjection(system);
        api.query("/api/events", null, lastPosition);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () -> assertThat(ReadModels.countsPerEvent(database)).isEqualTo(before));
        assertNoGuestData("after every projection was rebuilt from the store", manageToken);
        assertThat(api.query("/api/bookings/" + reference, admin, lastPosition)
                        .body()
                        .at("/tickets/1/attendeeName")
                        .asText())
                .isEqualTo("[erased]");
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(api.query("/api/my/upcoming", customer, lastPosition)
                                .body()
                                .at("/items/0/tickets/0/attendeeName")
                                .asText())
                        .isEqualTo(LINKED_ATTENDEE));

        String logs = output.getAll();
        for (String value : erasedValues(manageToken)) {
            assertThat(logs).as("the logs").doesNotContainIgnoringCase(value);
        }
    }

    private static List<String> erasedValues(String manageToken) {
        List<String> values = new ArrayList<>(List.of(
                GUEST_NAME,
                GUEST_EMAIL,
                GUEST_PHONE,
                GUEST_ATTENDEE,
                GUEST_ANSWER,
                "Peregrina",
                "Wolstenholme",
                "Fitzwilliam",
                "Barnaby",
                "quinoa",
                "900789",
                // the linked guest's own copy of the contact was dropped with the guest's key
                LINKED_EMAIL,
                "Cattermole",
                "Dorothea"));
        values.add(manageToken);
        return values;
    }

    private static void assertNoGuestData(String when, String manageToken) throws Exception {
        List<String> values = erasedValues(manageToken);
        String rows = DatabaseDump.everyTable(database);
        assertThat(rows).as("the rows of every table").contains("[erased]", LINKED_ATTENDEE);
        DatabaseDump.assertAbsent(rows, "every table's rows, " + when, values);
        DatabaseDump.pgDump(database).ifPresent(dump -> DatabaseDump.assertAbsent(dump, "pg_dump, " + when, values));
    }

    private static Api.Answer bookAsGuest(
            JsonNode event, String name, String email, String phone, List<String> attendees, String answer) {
        Map<String, Object> contact = new HashMap<>(Map.of("name", name, "email", email));
        if (phone != null) {
            contact.put("phone", phone);
        }
        Map<String, Object> body = new HashMap<>(Map.of(
                "bookingId",
                UUID.randomUUID().toString(),
                "eventId",
                event.get("eventId").asText(),
                "ticketTypeId",
                event.at("/ticketTypes/0/ticketTypeId").asText(),
                "contact",
                contact,
                "tickets",
                attendees.stream().map(a -> Map.of("attendeeName", a)).toList()));
        if (answer != null) {
            body.put("answers", List.of(Map.of("question", "Dietary needs", "answer", answer)));
        }
        Api.Answer booked = api.command("/api/guest/bookings", null, body);
        assertThat(booked.status()).isEqualTo(201);
        assertThat(booked.body().get("manageToken").asText()).isNotBlank();
        return booked;
    }
}
