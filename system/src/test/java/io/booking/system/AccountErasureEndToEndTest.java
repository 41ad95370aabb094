package io.booking.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.booking.shared.personal.PersonalData;
import io.booking.shared.personal.PersonalDataCipher;
import io.booking.testsupport.TestDatabase;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The test that proves erasure (invariant 6): a person with distinctive values books, transfers, cancels a ticket,
 * changes their details, receives mails (an in-process SMTP server) and has one still unsent in the outbox when they
 * delete the account; then no table of the database holds any of those values in any form, also after every
 * projection is rebuilt from the store, the bookings still count per event, and no log line carried them.
 */
@ExtendWith(OutputCaptureExtension.class)
class AccountErasureEndToEndTest {

    private static final String ADMIN_EMAIL = "admin@erasure.test";
    private static final String ADMIN_PASSWORD = "admin-password";

    private static final String NAME = "Quintessa Vandersloot";
    private static final String EMAIL = "quintessa.vandersloot@erasure.test";
    private static final String PHONE = "+44 7700 900123";
    private static final String ATTENDEE_1 = "Horatio Pemberton-Smythe";
    private static final String ATTENDEE_2 = "Ottoline Quarrington";
    private static final String ANSWER_1 = "allergic to hazelnuts and tarragon";
    private static final String ANSWER_2 = "wheelchair access via the Larkspur gate";
    private static final String NEW_EMAIL = "q.vandersloot.moved@erasure.test";
    private static final String NEW_PHONE = "+44 7700 900456";
    private static final String MEMBERSHIP = "MBR-Zephyrine-4471";
    /** A cancellation's reason is free text: customers write names in it. */
    private static final String REASON = "Ottoline is at Barnabus Wexley-Thorne's wedding";

    private static final String PASSWORD = "password-for-erasure";
    /** Every value, and the distinctive parts a careless copy might keep on their own. */
    private static final List<String> PERSONAL = List.of(
            NAME,
            EMAIL,
            PHONE,
            ATTENDEE_1,
            ATTENDEE_2,
            ANSWER_1,
            ANSWER_2,
            NEW_EMAIL,
            NEW_PHONE,
            "900456",
            "q.vandersloot",
            "Quintessa",
            "Vandersloot",
            "quintessa.vandersloot",
            "7700 900123",
            "Pemberton",
            "Smythe",
            "Horatio",
            "Ottoline",
            "Quarrington",
            "hazelnuts",
            "tarragon",
            "Larkspur",
            MEMBERSHIP,
            "Zephyrine",
            REASON,
            "Wexley-Thorne",
            "Barnabus");

    private static TestDatabase database;
    private static BookingSystem system;
    private static Api api;
    private static GreenMail smtp;

    @BeforeAll
    static void startBothSides() throws Exception {
        smtp = TestSystems.smtpServer();
        database = TestDatabase.fresh();
        Map<String, String> settings = TestSystems.settings(database, ADMIN_EMAIL, ADMIN_PASSWORD);
        TestSystems.mailTo(smtp, settings);
        settings.put("command.booking.mail.retry-initial", "PT0.2S");
        settings.put("command.booking.mail.retry-max", "PT1S");
        system = BookingSystem.start(settings);
        api = new Api(system.commandPort(), system.queryPort());
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void afterDeleteAccountNoTableNorReplayNorLogHoldsThePersonsDataAndTheBookingsStillCount(CapturedOutput output)
            throws Exception {
        String admin = api.login(ADMIN_EMAIL, ADMIN_PASSWORD);
        JsonNode first = api.schedule(admin, "Erasure Evening", Instant.now().plus(30, ChronoUnit.DAYS));
        JsonNode second = api.schedule(admin, "Erasure Encore", Instant.now().plus(31, ChronoUnit.DAYS));
        // an event about to start: its booking is no longer upcoming when the account is deleted
        Instant soon = Instant.now().plusSeconds(4);
        JsonNode starting = api.schedule(admin, "Erasure Matinee", soon);

        Api.Answer registered = api.command(
                "/api/accounts", null, Map.of("name", NAME, "email", EMAIL, "phone", PHONE, "password", PASSWORD));
        assertThat(registered.status()).isEqualTo(201);
        String personId = registered.body().get("accountId").asText();
        String person = api.login(EMAIL, PASSWORD);

        String main = UUID.randomUUID().toString();
        Api.Answer booked = api.command(
                "/api/bookings",
                person,
                Map.of(
                        "bookingId",
                        main,
                        "eventId",
                        idOf(first),
                        "ticketTypeId",
                        ticketTypeOf(first),
                        "tickets",
                        List.of(
                                Map.of("attendeeName", NAME),
                                Map.of("attendeeName", ATTENDEE_1),
                                Map.of("attendeeName", ATTENDEE_2, "child", true)),
                        "answers",
                        List.of(
                                Map.of("question", "Dietary needs", "answer", ANSWER_1),
                                Map.of("question", "Access", "answer", ANSWER_2))));
        assertThat(booked.status()).isEqualTo(201);
        Api.Answer matinee = api.command(
                "/api/bookings",
                person,
                Map.of(
                        "eventId",
                        idOf(starting),
                        "ticketTypeId",
                        ticketTypeOf(starting),
                        "tickets",
                        List.of(Map.of("attendeeName", ATTENDEE_2)),
                        "answers",
                        List.of(Map.of("question", "Dietary needs", "answer", ANSWER_1))));
        assertThat(matinee.status()).isEqualTo(201);
        String reference = booked.body().get("reference").asText();
        // the confirmations arrive, each with its "view booking" link
        List<MimeMessage> confirmations =
                await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(EMAIL), mails -> mails.size() == 2);
        assertThat(confirmations)
                .anySatisfy(mail -> assertThat(GreenMailUtil.getBody(mail)).contains("/bookings/" + reference));
        JsonNode details = api.query("/api/bookings/" + reference, person, matinee.consistencyToken())
                .body();
        String horatio = details.at("/tickets/1/ticketId").asText();
        String ottoline = details.at("/tickets/2/ticketId").asText();

        assertThat(api.command(
                                "/api/bookings/" + main + "/transfer",
                                person,
                                Map.of(
                                        "ticketId",
                                        horatio,
                                        "eventId",
                                        idOf(second),
                                        "ticketTypeId",
                                        ticketTypeOf(second)))
                        .status())
                .isEqualTo(200);
        assertThat(api.command(
                                "/api/bookings/" + main + "/tickets/" + ottoline + "/cancellation",
                                person,
                                Map.of("reason", REASON))
                        .status())
                .isEqualTo(200);
        Api.Answer updated = api.put(
                "/api/accounts/me",
                person,
                Map.of(
                        "name",
                        NAME,
                        "email",
                        NEW_EMAIL,
                        "phone",
                        NEW_PHONE,
                        "customFields",
                        Map.of("Membership number", MEMBERSHIP)));
        assertThat(updated.status()).isEqualTo(200);
        // someone else books the same event: their booking must come through untouched
        String other = api.register("Ordinary Neighbour", "neighbour@erasure.test", "password-123");
        Api.Answer neighbour = api.command(
                "/api/bookings",
                api.login("neighbour@erasure.test", "password-123"),
                Map.of(
                        "eventId",
                        idOf(first),
                        "ticketTypeId",
                        ticketTypeOf(first),
                        "tickets",
                        List.of(Map.of("attendeeName", "Ordinary Neighbour"))));
        assertThat(neighbour.status()).isEqualTo(201);
        // the neighbour sells out another event, whose waiting list the person joins
        JsonNode sellout = api.schedule(admin, "Erasure Sellout", Instant.now().plus(32, ChronoUnit.DAYS));
        assertThat(api.command(
                                "/api/bookings",
                                api.login("neighbour@erasure.test", "password-123"),
                                Map.of(
                                        "eventId",
                                        idOf(sellout),
                                        "ticketTypeId",
                                        ticketTypeOf(sellout),
                                        "tickets",
                                        java.util.Collections.nCopies(10, Map.of("attendeeName", "Neighbour Guest"))))
                        .status())
                .isEqualTo(201);
        assertThat(api.command(
                                "/api/waiting-list",
                                person,
                                Map.of("eventId", idOf(sellout), "ticketTypeId", ticketTypeOf(sellout), "quantity", 1))
                        .status())
                .isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(soon));
        // a password reset goes to the new email; another waits in the outbox while the SMTP server is down
        assertThat(api.command("/api/auth/password-reset", null, Map.of("email", NEW_EMAIL))
                        .status())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(NEW_EMAIL), mails -> mails.size() == 1);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> scalar("select count(*) from command.outbox where " + "subject_id = '" + personId
                                + "' and status = 'PENDING'")
                        == 0);
        smtp.stop();
        assertThat(api.command("/api/auth/password-reset", null, Map.of("email", NEW_EMAIL))
                        .status())
                .isEqualTo(202);
        String unsent = querySealedRecipient(personId);
        assertThat(system.commandSide().getBean(PersonalDataCipher.class).open(new PersonalData(personId, unsent)))
                .isEqualTo(NEW_EMAIL);

        Api.Answer refused = api.delete("/api/accounts/me", person, Map.of("password", PASSWORD));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("rule").asText()).isEqualTo("upcoming-bookings");
        assertThat(refused.body().get("upcomingBookings").asInt()).isEqualTo(1);

        api.query("/api/events", null, neighbour.consistencyToken());
        Map<String, List<Long>> before = ReadModels.countsPerEvent(database);
        // the search below does find the values while they are there
        assertThat(dumpOfEveryTable()).contains(ATTENDEE_1, ANSWER_2);
        pgDump().ifPresent(dump -> assertThat(dump).contains(ATTENDEE_1, ANSWER_2));

        Api.Answer deleted =
                api.delete("/api/accounts/me", person, Map.of("password", PASSWORD, "cancelUpcomingBookings", true));
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body().get("cancelledBookings").asInt()).isEqualTo(1);
        long lastPosition = deleted.consistencyToken();
        api.query("/api/events", null, lastPosition);

        JsonNode erased =
                api.query("/api/bookings/" + reference, admin, lastPosition).body();
        assertThat(erased.at("/tickets/0/attendeeName").asText()).isEqualTo("[erased]");
        assertThat(erased.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(erased.get("customerDeleted").asBoolean()).isTrue();
        assertThat(erased.get("customerId").asText()).isEqualTo(personId);
        // the person's token stops working on both sides: here at once, there once its cached check expires (10 s)
        assertThat(api.command(
                                "/api/bookings",
                                person,
                                Map.of(
                                        "eventId",
                                        idOf(second),
                                        "ticketTypeId",
                                        ticketTypeOf(second),
                                        "tickets",
                                        List.of(Map.of("attendeeName", "Anyone"))))
                        .status())
                .isEqualTo(401);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.query("/api/my/cancelled", person, null).status() == 401);
        // the audit trail replays every change, and every personal field in it reads as erased
        JsonNode history = api.query("/api/admin/bookings/" + reference + "/history", admin, lastPosition)
                .body();
        // the tickets were apart (one transferred), so the deletion cancelled the two left one by one
        assertThat(history.get("changes").findValuesAsText("type"))
                .containsExactly(
                        "TicketsBooked", "TicketsTransferred", "TicketCancelled", "TicketCancelled", "TicketCancelled");
        assertThat(history.at("/state/status").asText()).isEqualTo("CANCELLED");
        assertThat(history.get("customerDeleted").asBoolean()).isTrue();
        assertThat(history.at("/changes/0/details/tickets/1/attendeeName").asText())
                .isEqualTo(PersonalDataCipher.ERASED);
        assertThat(history.at("/state/tickets/2/attendeeName").asText()).isEqualTo(PersonalDataCipher.ERASED);
        assertThat(PERSONAL).allSatisfy(value -> assertThat(history.toString()).doesNotContain(value));
        assertThat(api.query("/api/admin/events/" + idOf(sellout) + "/waiting-list", admin, lastPosition)
                        .body()
                        .at("/entries/0/status")
                        .asText())
                .as("a deleted customer leaves the waiting lists")
                .isEqualTo("LEFT");
        Map<String, List<Long>> after = ReadModels.countsPerEvent(database);
        assertThat(after).isEqualTo(expectedAfterDeletion(before, first, second));
        // the report still counts the deleted customer's bookings, as a deleted customer's
        JsonNode report = api.query("/api/admin/reports/events?size=100", admin, lastPosition)
                .body();
        JsonNode evening = null;
        for (JsonNode row : report.get("items")) {
            evening = idOf(first).equals(row.get("eventId").asText()) ? row : evening;
        }
        assertThat(evening).isNotNull();
        assertThat(evening.get("deletedCustomers").asInt()).isEqualTo(1);
        assertThat(evening.get("ticketsBooked").asLong()
                        + evening.get("ticketsCancelled").asLong())
                .isEqualTo(after.get(idOf(first)).get(1));
        assertThat(report.toString()).doesNotContain(NAME, EMAIL);
        // the back office no longer finds the person, only the booking by its reference, as a deleted customer's
        assertThat(api.search(admin, Map.of("q", "Vandersloot")).body().get("customers"))
                .isEmpty();
        assertThat(api.search(admin, Map.of("q", ATTENDEE_1)).body().get("bookings"))
                .isEmpty();
        assertThat(api.search(admin, Map.of("q", "erased"))
                        .body()
                        .get("bookings")
                        .findValuesAsText("reference"))
                .doesNotContain(reference);
        JsonNode found = api.search(admin, Map.of("q", reference)).body();
        assertThat(found.at("/bookings/0/customerDeleted").asBoolean()).isTrue();
        assertThat(PERSONAL).allSatisfy(value -> assertThat(found.toString()).doesNotContain(value));
        assertThat(scalar("select count(*) from query.booking where customer_id = '" + personId
                        + "' and customer_deleted"))
                .isEqualTo(2);
        assertThat(scalar(
                        "select count(*) from query.booking where customer_id = '" + other + "' and customer_deleted"))
                .isZero();
        assertNoPersonalData("after the deletion");
        assertThat(system.commandSide().getBean(PersonalDataCipher.class).open(new PersonalData(personId, unsent)))
                .as("the mail left unsent")
                .isEqualTo(PersonalDataCipher.ERASED);
        assertThat(scalar("select count(*) from command.outbox where subject_id = '" + personId + "'"))
                .as("the outbox keeps each mail's audit row")
                .isEqualTo(4);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> scalar("select count(*) from command.outbox where " + "subject_id = '" + personId
                                + "' and status = 'ERASED' and recipient is null")
                        == 1);

        ReadModels.rebuildEveryProjection(system);
        api.query("/api/events", null, lastPosition);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () -> assertThat(ReadModels.countsPerEvent(database)).isEqualTo(after));
        assertNoPersonalData("after every projection was rebuilt from the store");
        assertThat(api.query("/api/bookings/" + reference, admin, lastPosition)
                        .body()
                        .at("/tickets/0/attendeeName")
                        .asText())
                .isEqualTo("[erased]");

        String logs = output.getAll();
        assertThat(logs).contains("first admin account created");
        for (String value : PERSONAL) {
            assertThat(logs).as("the logs").doesNotContainIgnoringCase(value);
        }
        assertThat(logs).doesNotContain(PASSWORD);
    }

    /** The deletion cancelled the booking's two active tickets, one at each event; nothing else changed. */
    private static Map<String, List<Long>> expectedAfterDeletion(
            Map<String, List<Long>> before, JsonNode first, JsonNode second) {
        Map<String, List<Long>> expected = new TreeMap<>(before);
        for (JsonNode event : List.of(first, second)) {
            List<Long> counts = before.get(idOf(event));
            expected.put(idOf(event), List.of(counts.get(0), counts.get(1), counts.get(2) + 1));
        }
        return expected;
    }

    private static void assertNoPersonalData(String when) throws Exception {
        String sqlDump = dumpOfEveryTable();
        assertThat(sqlDump).as("the rows of every table").contains("[erased]");
        assertAbsent(sqlDump, "every table's rows, " + when);
        Optional<String> pgDump = pgDump();
        pgDump.ifPresent(dump -> assertAbsent(dump, "pg_dump, " + when));
    }

    private static void assertAbsent(String dump, String what) {
        DatabaseDump.assertAbsent(dump, what, PERSONAL);
    }

    private static String dumpOfEveryTable() throws Exception {
        return DatabaseDump.everyTable(database);
    }

    private static Optional<String> pgDump() throws Exception {
        return DatabaseDump.pgDump(database);
    }

    private static List<MimeMessage> mailsTo(String email) {
        return java.util.Arrays.stream(smtp.getReceivedMessages())
                .filter(mail -> {
                    try {
                        return java.util.Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
                                .anyMatch(address -> address.toString().equalsIgnoreCase(email));
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    /** The sealed recipient of the person's mail still waiting in the outbox. */
    private static String querySealedRecipient(String personId) throws Exception {
        try (Connection c = database.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select recipient from command.outbox where status = 'PENDING' and "
                        + "subject_id = '" + personId + "'")) {
            assertThat(rs.next()).as("a mail waits in the outbox").isTrue();
            return rs.getString(1);
        }
    }

    private static long scalar(String sql) throws Exception {
        try (Connection c = database.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String idOf(JsonNode event) {
        return event.get("eventId").asText();
    }

    private static String ticketTypeOf(JsonNode event) {
        return event.at("/ticketTypes/0/ticketTypeId").asText();
    }
}
