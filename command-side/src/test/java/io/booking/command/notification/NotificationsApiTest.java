package io.booking.command.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.booking.command.personal.PersonalDataKeyStore;
import io.booking.command.support.CommandApiTest;
import io.booking.shared.personal.PersonalData;
import io.booking.shared.personal.PersonalDataCipher;
import io.booking.testsupport.TestDatabase;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Notifications over a real SMTP server in-process (GreenMail): what arrives, what the outbox keeps, what happens while
 * the server is down, and what an erased account's unsent mail has become.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=command-side",
            "booking.admin.email=admin@notify.test",
            "booking.admin.password=admin-password",
            "booking.security.bcrypt-strength=4",
            "booking.portal-url=https://portal.notify.test/",
            "booking.mail.from=bookings@notify.test",
            "booking.mail.poll-interval=PT0.2S",
            "booking.mail.retry-initial=PT0.2S",
            "booking.mail.retry-max=PT1S",
            // the test's SMTP server logs the addresses it sees; the application's own log lines are what is checked
            "logging.level.com.icegreen.greenmail=WARN"
        })
class NotificationsApiTest extends CommandApiTest {

    private static final int SMTP_PORT = freePort();
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    private static GreenMail smtp;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @BeforeAll
    static void startSmtp() {
        smtp = newSmtpServer();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PersonalDataCipher cipher;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JavaMailSender mailSender;

    @Autowired
    Clock clock;

    @Autowired
    MailSettings mailSettings;

    @Test
    void everyPlacedBookingIsConfirmedByMailWithItsReferenceAndViewBookingLinkAndTheOutboxKeepsOnlyTheAudit()
            throws Exception {
        String email = "booker-" + UUID.randomUUID() + "@notify.test";
        String accountId = register(email);
        String token = login(email, "password-123");
        JsonNode event = schedule();

        ResponseEntity<String> booked = post("/api/bookings", token, bookingBody(event, 2));
        assertThat(booked.getStatusCode().value()).isEqualTo(201);
        String reference = json.readTree(booked.getBody()).get("reference").asText();

        MimeMessage mail = await().atMost(Duration.ofSeconds(30))
                .until(() -> mailsTo(email), m -> m.size() == 1)
                .get(0);
        assertThat(mail.getSubject()).contains(reference);
        assertThat(mail.getFrom()[0].toString()).isEqualTo("bookings@notify.test");
        assertThat(GreenMailUtil.getBody(mail))
                .contains(reference, "2 tickets", "https://portal.notify.test/bookings/" + reference);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jdbc.queryForMap("""
                select kind, status, recipient, subject_line, body, sent_at is not null as sent from outbox
                where subject_id = ?""", accountId))
                        .containsEntry("kind", "booking-confirmation")
                        .containsEntry("status", "SENT")
                        .containsEntry("recipient", null)
                        .containsEntry("subject_line", null)
                        .containsEntry("body", null)
                        .containsEntry("sent", true));

        // an order of two bookings: one confirmation for each
        ResponseEntity<String> ordered = post(
                "/api/orders",
                token,
                Map.of("orderId", UUID.randomUUID().toString(), "lines", List.of(line(event), line(schedule()))));
        assertThat(ordered.getStatusCode().value()).isEqualTo(201);
        List<String> references =
                json.readTree(ordered.getBody()).get("bookings").findValuesAsText("reference");
        assertThat(references).hasSize(2);
        List<MimeMessage> all = await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(email), m -> m.size() == 3);
        for (String each : references) {
            assertThat(all)
                    .anySatisfy(m -> assertThat(GreenMailUtil.getBody(m))
                            .contains("https://portal.notify.test/bookings/" + each));
        }
    }

    @Test
    void aGuestsConfirmationCarriesTheManageLinkAndTheSentMailKeepsNoneOfIt() throws Exception {
        String email = "guest-" + UUID.randomUUID() + "@notify.test";
        JsonNode event = schedule();
        Map<String, Object> body = new java.util.HashMap<>(bookingBody(event, 1));
        body.put("contact", Map.of("name", "Gwendolyn Guest", "email", email));

        ResponseEntity<String> booked = post("/api/guest/bookings", null, body);

        assertThat(booked.getStatusCode().value()).isEqualTo(201);
        JsonNode answer = json.readTree(booked.getBody());
        MimeMessage mail = await().atMost(Duration.ofSeconds(30))
                .until(() -> mailsTo(email), m -> m.size() == 1)
                .get(0);
        assertThat(GreenMailUtil.getBody(mail))
                .contains(
                        answer.get("reference").asText(),
                        "https://portal.notify.test/guest#"
                                + answer.get("manageToken").asText());
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jdbc.queryForObject(
                                "select count(*) from outbox where status = 'SENT' and body is null and recipient is null "
                                        + "and subject_id = (select guest_id from guest_booking where booking_id = ?)",
                                Long.class,
                                answer.get("bookingId").asText()))
                        .isOne());
    }

    @Test
    void anAccountCreatedOnACustomersBehalfMailsTheInvitationWhoseLinkSetsThePasswordOnce() throws Exception {
        String email = "invited-" + UUID.randomUUID() + "@notify.test";
        String admin = login("admin@notify.test", "admin-password");

        assertThat(post("/api/admin/accounts", admin, Map.of("name", "Ivy Invited", "email", email))
                        .getStatusCode()
                        .value())
                .isEqualTo(201);

        MimeMessage mail = await().atMost(Duration.ofSeconds(30))
                .until(() -> mailsTo(email), m -> m.size() == 1)
                .get(0);
        String body = GreenMailUtil.getBody(mail);
        assertThat(body).contains("https://portal.notify.test/invitation#");
        String token = body.substring(body.indexOf("/invitation#") + "/invitation#".length())
                .split("\\s")[0];
        Map<String, String> accept = Map.of("token", token, "password", "chosen-password");
        assertThat(post("/api/accounts/invitation/accept", null, accept)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertThat(login(email, "chosen-password")).isNotBlank();
        assertThat(post("/api/accounts/invitation/accept", null, accept)
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
    }

    @Test
    void aWaitingCustomerIsToldOfTheOfferAndTheBookedOfferIsConfirmedByMail() throws Exception {
        JsonNode event = schedule(1);
        String first = "first-" + UUID.randomUUID() + "@notify.test";
        register(first);
        String firstToken = login(first, "password-123");
        Map<String, Object> firstBooking = bookingBody(event, 1);
        assertThat(post("/api/bookings", firstToken, firstBooking)
                        .getStatusCode()
                        .value())
                .isEqualTo(201);
        String waiting = "waiting-" + UUID.randomUUID() + "@notify.test";
        register(waiting);
        String waitingToken = login(waiting, "password-123");
        String entryId = UUID.randomUUID().toString();
        assertThat(post(
                                "/api/waiting-list",
                                waitingToken,
                                Map.of(
                                        "entryId",
                                        entryId,
                                        "eventId",
                                        event.get("eventId").asText(),
                                        "ticketTypeId",
                                        event.at("/ticketTypes/0/ticketTypeId").asText(),
                                        "quantity",
                                        1))
                        .getStatusCode()
                        .value())
                .isEqualTo(201);
        assertThat(post("/api/bookings/" + firstBooking.get("bookingId") + "/cancellation", firstToken, Map.of())
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        MimeMessage offer = await().atMost(Duration.ofSeconds(30))
                .until(() -> mailsTo(waiting), m -> m.size() == 1)
                .get(0);
        assertThat(offer.getSubject()).isEqualTo("Seats are held for you");
        assertThat(GreenMailUtil.getBody(offer)).contains("https://portal.notify.test/waiting-list/" + entryId);

        ResponseEntity<String> accepted = post(
                "/api/waiting-list/" + entryId + "/booking",
                waitingToken,
                Map.of(
                        "bookingId",
                        UUID.randomUUID().toString(),
                        "tickets",
                        List.of(Map.of("attendeeName", "Someone", "child", false))));
        assertThat(accepted.getStatusCode().value()).isEqualTo(201);
        String reference = json.readTree(accepted.getBody()).get("reference").asText();

        List<MimeMessage> mails =
                await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(waiting), m -> m.size() == 2);
        assertThat(mails)
                .anySatisfy(mail -> assertThat(GreenMailUtil.getBody(mail))
                        .contains("https://portal.notify.test/bookings/" + reference));
    }

    @Test
    void aMailedResetCodeSetsANewPasswordOnceAndTokensIssuedBeforeAreRefused() throws Exception {
        String email = "forgetful-" + UUID.randomUUID() + "@notify.test";
        String accountId = register(email);
        String oldToken = login(email, "password-123");
        assertThat(authenticatedProbe(oldToken)).isEqualTo(404);

        assertThat(post("/api/auth/password-reset", null, Map.of("email", email.toUpperCase()))
                        .getStatusCode()
                        .value())
                .isEqualTo(202);
        String code = codeIn(await().atMost(Duration.ofSeconds(30))
                .until(() -> mailsTo(email), m -> m.size() == 1)
                .get(0));
        assertThat(jdbc.queryForObject(
                        "select code_hash from password_reset where account_id = ?", String.class, accountId))
                .doesNotContain(code);

        ResponseEntity<String> wrong = confirm(email, otherThan(code), "new-password-456");
        assertThat(wrong.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(wrong.getBody()).get("rule").asText()).isEqualTo("invalid-code");
        assertThat(confirm(email, code, "new-password-456").getStatusCode().value())
                .isEqualTo(204);

        assertThat(authenticatedProbe(oldToken))
                .as("a token issued before the change")
                .isEqualTo(401);
        assertThat(post("/api/auth/token", null, Map.of("email", email, "password", "password-123"))
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
        String newToken = login(email, "new-password-456");
        assertThat(authenticatedProbe(newToken)).isEqualTo(404);
        ResponseEntity<String> reused = confirm(email, code, "another-password-789");
        assertThat(reused.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(reused.getBody()).get("rule").asText()).isEqualTo("invalid-code");
        assertThat(login(email, "new-password-456")).isNotBlank();
        await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> jdbc.queryForObject(
                                "select status from outbox where subject_id = ? and kind = 'password-reset'",
                                String.class,
                                accountId),
                        "SENT"::equals);
    }

    @Test
    void anExhaustedOrExpiredCodeIsRefusedAndAnUnknownEmailGetsTheSameAnswers() throws Exception {
        String email = "unlucky-" + UUID.randomUUID() + "@notify.test";
        register(email);
        long resetMails = jdbc.queryForObject("select count(*) from outbox where kind = 'password-reset'", Long.class);
        ResponseEntity<String> unknownRequest =
                post("/api/auth/password-reset", null, Map.of("email", "nobody-" + UUID.randomUUID() + "@notify.test"));
        assertThat(unknownRequest.getStatusCode().value()).isEqualTo(202);
        assertThat(jdbc.queryForObject("select count(*) from outbox where kind = 'password-reset'", Long.class))
                .isEqualTo(resetMails);
        ResponseEntity<String> unknownConfirm =
                confirm("nobody-" + UUID.randomUUID() + "@notify.test", "123456", "new-password-456");

        post("/api/auth/password-reset", null, Map.of("email", email));
        String code = codeIn(await().atMost(Duration.ofSeconds(30))
                .until(() -> mailsTo(email), m -> m.size() == 1)
                .get(0));
        ResponseEntity<String> wrong = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            wrong = confirm(email, otherThan(code), "new-password-456");
            assertThat(wrong.getStatusCode().value()).isEqualTo(400);
        }
        ResponseEntity<String> exhausted = confirm(email, code, "new-password-456");
        assertThat(exhausted.getStatusCode().value())
                .as("the right code after five wrong ones")
                .isEqualTo(400);
        assertThat(unknownConfirm.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(unknownConfirm.getBody())).isEqualTo(json.readTree(wrong.getBody()));
        assertThat(json.readTree(exhausted.getBody())).isEqualTo(json.readTree(wrong.getBody()));

        post("/api/auth/password-reset", null, Map.of("email", email));
        String second = codeIn(await().atMost(Duration.ofSeconds(30))
                .until(() -> mailsTo(email), m -> m.size() == 2)
                .get(1));
        jdbc.update(
                "update password_reset set expires_at = now() - interval '1 second' where account_id = "
                        + "(select account_id from credential where email_lower = ?)",
                email);
        ResponseEntity<String> expired = confirm(email, second, "new-password-456");
        assertThat(expired.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(expired.getBody())).isEqualTo(json.readTree(wrong.getBody()));
        assertThat(login(email, "password-123")).as("the password is unchanged").isNotBlank();
    }

    @Test
    void resetCodesAreMailedAtMostThreeTimesAnHourPerAccount() throws Exception {
        String email = "forgetful-" + UUID.randomUUID() + "@notify.test";
        String accountId = register(email);
        for (int request = 0; request < 4; request++) {
            assertThat(post("/api/auth/password-reset", null, Map.of("email", email))
                            .getStatusCode()
                            .value())
                    .isEqualTo(202);
        }
        assertThat(resetMailsOf(accountId))
                .as("the fourth request within the hour mails nothing")
                .isEqualTo(3);
        String third = codeIn(await().atMost(Duration.ofSeconds(30))
                .until(() -> mailsTo(email), m -> m.size() == 3)
                .get(2));

        jdbc.update(
                "update password_reset set window_started_at = now() - interval '61 minutes' where account_id = ?",
                accountId);
        post("/api/auth/password-reset", null, Map.of("email", email));
        assertThat(resetMailsOf(accountId))
                .as("an hour later a code is mailed again")
                .isEqualTo(4);
        String fourth = codeIn(await().atMost(Duration.ofSeconds(30))
                .until(() -> mailsTo(email), m -> m.size() == 4)
                .get(3));
        assertThat(confirm(email, third, "new-password-456").getStatusCode().value())
                .isEqualTo(400);
        assertThat(confirm(email, fourth, "new-password-456").getStatusCode().value())
                .isEqualTo(204);
    }

    private long resetMailsOf(String accountId) {
        return jdbc.queryForObject(
                "select count(*) from outbox where kind = 'password-reset' and subject_id = ?", Long.class, accountId);
    }

    @Test
    void whileTheSmtpServerIsDownTheMailWaitsInTheOutboxAndGoesOutWhenItIsBack(CapturedOutput output) throws Exception {
        String email = "patient-" + UUID.randomUUID() + "@notify.test";
        String accountId = register(email);
        String token = login(email, "password-123");
        smtp.stop();
        try {
            ResponseEntity<String> booked = post("/api/bookings", token, bookingBody(schedule(), 1));
            assertThat(booked.getStatusCode().value())
                    .as("a booking does not wait for the mail")
                    .isEqualTo(201);
            await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> jdbc.queryForObject(
                                    "select attempts from outbox where subject_id = ? and status = 'PENDING'",
                                    Integer.class,
                                    accountId),
                            attempts -> attempts >= 2);
        } finally {
            smtp = newSmtpServer();
        }
        String reference = json.readTree(
                        post("/api/bookings", token, bookingBody(schedule(), 1)).getBody())
                .get("reference")
                .asText();

        List<MimeMessage> arrived =
                await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(email), m -> m.size() == 2);
        assertThat(arrived).anySatisfy(m -> assertThat(m.getSubject()).contains(reference));
        await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> jdbc.queryForObject(
                                "select count(*) from outbox where subject_id = ? and status = 'SENT'",
                                Long.class,
                                accountId),
                        sent -> sent == 2);
        assertThat(output.getAll()).contains("not sent (attempt 2)").doesNotContain(email);
    }

    @Test
    void anUnsentMailOfADeletedAccountCannotBeReadAnyMoreAndIsNeverSent() throws Exception {
        String email = "vanishing-" + UUID.randomUUID() + "@notify.test";
        String accountId = register(email);
        String token = login(email, "password-123");
        smtp.stop();
        try {
            assertThat(post("/api/bookings", token, bookingBody(schedule(), 1))
                            .getStatusCode()
                            .value())
                    .isEqualTo(201);
            post("/api/auth/password-reset", null, Map.of("email", email));
            List<Map<String, Object>> unsent = jdbc.queryForList(
                    "select recipient, subject_line, body from outbox where subject_id = ?", accountId);
            assertThat(unsent).hasSize(2);
            assertThat(unsent.toString()).doesNotContain(email, "vanishing");
            assertThat(open(accountId, (String) unsent.get(0).get("recipient"))).isEqualTo(email);

            assertThat(delete(
                                    "/api/accounts/me",
                                    token,
                                    Map.of("password", "password-123", "cancelUpcomingBookings", true))
                            .getStatusCode()
                            .value())
                    .isEqualTo(200);

            for (Map<String, Object> mail : unsent) {
                for (Object sealed : mail.values()) {
                    assertThat(open(accountId, (String) sealed)).isEqualTo(PersonalDataCipher.ERASED);
                }
            }
            assertThat(jdbc.queryForObject(
                            "select count(*) from password_reset where account_id = ?", Long.class, accountId))
                    .isZero();
            await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> jdbc.queryForList(
                                    "select status from outbox where subject_id = ? and recipient is null",
                                    String.class,
                                    accountId),
                            statuses ->
                                    statuses.size() == 2 && statuses.stream().allMatch("ERASED"::equals));
        } finally {
            smtp = newSmtpServer();
        }
        assertThat(mailsTo(email)).isEmpty();
    }

    /**
     * Another node still holds the person's key in its cache when the account is deleted here: its outbox sender finds
     * none of the person's mails waiting, as the deletion took them out of the outbox with the key.
     */
    @Test
    void anotherNodeWhoseCacheStillHoldsTheKeySendsNoneOfADeletedAccountsWaitingMails() throws Exception {
        String email = "elsewhere-" + UUID.randomUUID() + "@notify.test";
        String accountId = register(email);
        String token = login(email, "password-123");
        PersonalDataKeyStore otherNodesKeys = new PersonalDataKeyStore(jdbc, Duration.ofHours(1));
        assertThat(otherNodesKeys.find(accountId)).isPresent();
        assertThat(post("/api/bookings", token, bookingBody(schedule(), 1))
                        .getStatusCode()
                        .value())
                .isEqualTo(201);
        // not due yet, so that this node's sender leaves it waiting
        jdbc.update(
                "update outbox set next_attempt_at = now() + interval '1 hour' where subject_id = ? and status = 'PENDING'",
                accountId);

        assertThat(delete("/api/accounts/me", token, Map.of("password", "password-123", "cancelUpcomingBookings", true))
                        .getStatusCode()
                        .value())
                .isEqualTo(200);

        assertThat(jdbc.queryForList(
                        "select status from outbox where subject_id = ? and recipient is null",
                        String.class,
                        accountId))
                .containsExactly("ERASED");
        jdbc.update("update outbox set next_attempt_at = now() where subject_id = ?", accountId);
        new OutboxSender(jdbc, transactions, mailSender, new PersonalDataCipher(otherNodesKeys), clock, mailSettings)
                .drain();
        assertThat(mailsTo(email)).isEmpty();
    }

    private String open(String subjectId, String sealed) {
        return cipher.open(new PersonalData(subjectId, sealed));
    }

    private static GreenMail newSmtpServer() {
        GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<MimeMessage> mailsTo(String email) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                                .anyMatch(a -> a.toString().equalsIgnoreCase(email));
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private static String codeIn(MimeMessage mail) {
        Matcher matcher = CODE.matcher(GreenMailUtil.getBody(mail));
        assertThat(matcher.find()).as("a 6-digit code in the mail").isTrue();
        return matcher.group(1);
    }

    private static String otherThan(String code) {
        return "%06d".formatted((Integer.parseInt(code) + 1) % 1_000_000);
    }

    /** A harmless authenticated request: 404 (no such entry) with a token that passes, 401 with one that does not. */
    private int authenticatedProbe(String token) {
        return post("/api/waiting-list/" + UUID.randomUUID() + "/leave", token, Map.of())
                .getStatusCode()
                .value();
    }

    private ResponseEntity<String> confirm(String email, String code, String newPassword) {
        return post(
                "/api/auth/password-reset/confirm",
                null,
                Map.of("email", email, "code", code, "newPassword", newPassword));
    }

    private JsonNode schedule() throws Exception {
        return schedule(10);
    }

    private JsonNode schedule(int capacity) throws Exception {
        String admin = login("admin@notify.test", "admin-password");
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
                        List.of(Map.of("name", "Adult", "price", 25, "capacity", capacity)),
                        "policy",
                        Map.of(
                                "transfersAllowed",
                                true,
                                "cancellationsAllowed",
                                true,
                                "cancellationCutoffHours",
                                0,
                                "attendanceTracking",
                                false)));
        assertThat(scheduled.getStatusCode().value()).isEqualTo(201);
        return json.readTree(scheduled.getBody());
    }

    private static Map<String, Object> line(JsonNode event) {
        return Map.of(
                "eventId",
                event.get("eventId").asText(),
                "ticketTypeId",
                event.at("/ticketTypes/0/ticketTypeId").asText(),
                "tickets",
                List.of(Map.of("attendeeName", "Someone", "child", false)));
    }

    private static Map<String, Object> bookingBody(JsonNode event, int tickets) {
        return Map.of(
                "bookingId",
                UUID.randomUUID().toString(),
                "eventId",
                event.get("eventId").asText(),
                "ticketTypeId",
                event.at("/ticketTypes/0/ticketTypeId").asText(),
                "tickets",
                java.util.Collections.nCopies(tickets, Map.of("attendeeName", "Someone", "child", false)));
    }

    private String register(String email) {
        ResponseEntity<String> registered = post(
                "/api/accounts", null, Map.of("name", "Notified Customer", "email", email, "password", "password-123"));
        assertThat(registered.getStatusCode().value()).isEqualTo(201);
        try {
            return json.readTree(registered.getBody()).get("accountId").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
