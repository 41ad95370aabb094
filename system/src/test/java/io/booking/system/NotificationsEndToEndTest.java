package io.booking.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.booking.testsupport.TestDatabase;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Both sides and an SMTP server in-process: a booking's confirmation arrives with its "view booking" link, a password
 * reset code arrives and sets a new password, and the tokens issued before it are refused by both sides.
 */
class NotificationsEndToEndTest {

    private static final String ADMIN_EMAIL = "admin@mail.test";
    private static final String ADMIN_PASSWORD = "admin-password";

    private static TestDatabase database;
    private static GreenMail smtp;
    private static BookingSystem system;
    private static Api api;

    @BeforeAll
    static void startBothSidesAndAnSmtpServer() throws Exception {
        smtp = TestSystems.smtpServer();
        database = TestDatabase.fresh();
        Map<String, String> settings =
                TestSystems.smallPools(TestSystems.settings(database, ADMIN_EMAIL, ADMIN_PASSWORD));
        TestSystems.mailTo(smtp, settings);
        settings.put("command.booking.portal-url", "https://portal.mail.test");
        // the query side looks the password version up on every request (no cache), so the change shows at once
        settings.put("query.booking.security.password-version-cache", "PT0S");
        system = BookingSystem.start(settings);
        api = new Api(system.commandPort(), system.queryPort());
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
        smtp.stop();
    }

    @Test
    void aBookingIsConfirmedByMailAndAMailedCodeSetsANewPasswordThatEndsTheOldTokensOnBothSides() throws Exception {
        String admin = api.login(ADMIN_EMAIL, ADMIN_PASSWORD);
        JsonNode event = api.schedule(admin, "Mail Evening", Instant.now().plus(10, ChronoUnit.DAYS));
        String email = "reader-" + UUID.randomUUID() + "@mail.test";
        api.register("Mail Reader", email, "password-123");
        String oldToken = api.login(email, "password-123");

        Api.Answer booked = api.command(
                "/api/bookings",
                oldToken,
                Map.of(
                        "eventId",
                        event.get("eventId").asText(),
                        "ticketTypeId",
                        event.at("/ticketTypes/0/ticketTypeId").asText(),
                        "tickets",
                        List.of(Map.of("attendeeName", "Mail Reader"))));
        assertThat(booked.status()).isEqualTo(201);
        String reference = booked.body().get("reference").asText();
        MimeMessage confirmation = await().atMost(Duration.ofSeconds(30))
                .until(() -> mailsTo(email), mails -> mails.size() == 1)
                .get(0);
        assertThat(confirmation.getSubject()).contains(reference);
        assertThat(GreenMailUtil.getBody(confirmation)).contains("https://portal.mail.test/bookings/" + reference);
        long position = Long.parseLong(booked.header("X-Consistency-Token"));
        assertThat(api.query("/api/my/upcoming", oldToken, position).status()).isEqualTo(200);

        assertThat(api.command("/api/auth/password-reset", null, Map.of("email", email))
                        .status())
                .isEqualTo(202);
        MimeMessage reset = await().atMost(Duration.ofSeconds(30))
                .until(() -> mailsTo(email), mails -> mails.size() == 2)
                .get(1);
        Matcher code = Pattern.compile("\\b(\\d{6})\\b").matcher(GreenMailUtil.getBody(reset));
        assertThat(code.find()).isTrue();
        assertThat(api.command(
                                "/api/auth/password-reset/confirm",
                                null,
                                Map.of("email", email, "code", code.group(1), "newPassword", "password-456"))
                        .status())
                .isEqualTo(204);

        assertThat(api.query("/api/my/upcoming", oldToken, null).status())
                .as("query side, old token")
                .isEqualTo(401);
        assertThat(api.command("/api/bookings/" + UUID.randomUUID() + "/cancellation", oldToken, Map.of())
                        .status())
                .as("command side, old token")
                .isEqualTo(401);
        String newToken = api.login(email, "password-456");
        assertThat(api.query("/api/my/upcoming", newToken, null).status()).isEqualTo(200);
        assertThat(api.command(
                                "/api/auth/password-reset/confirm",
                                null,
                                Map.of("email", email, "code", code.group(1), "newPassword", "password-789"))
                        .status())
                .as("the code again")
                .isEqualTo(400);
    }

    private static List<MimeMessage> mailsTo(String email) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(mail -> {
                    try {
                        return Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
                                .anyMatch(address -> address.toString().equalsIgnoreCase(email));
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }
}
