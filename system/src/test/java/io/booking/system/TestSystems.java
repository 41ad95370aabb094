package io.booking.system;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.booking.testsupport.TestDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

/** What the end-to-end tests give both sides, so each test adds only what it is about. */
final class TestSystems {

    private TestSystems() {}

    /**
     * Its own database, free ports, the first admin, cheap password hashing and time for the projections to catch up
     * (two cores run both sides, PostgreSQL and the clients). A mutable map: a test adds its own settings.
     */
    static Map<String, String> settings(TestDatabase database, String adminEmail, String adminPassword) {
        Map<String, String> settings = new HashMap<>();
        settings.put("spring.datasource.url", database.jdbcUrl());
        settings.put("spring.datasource.username", database.username());
        settings.put("spring.datasource.password", database.password());
        settings.put("server.port", "0");
        settings.put("command.booking.admin.email", adminEmail);
        settings.put("command.booking.admin.password", adminPassword);
        settings.put("command.booking.security.bcrypt-strength", "4");
        settings.put("query.booking.consistency.max-wait", "30s");
        // deadlines (an event's end, an offer's expiry) are looked for twice a second instead of every 5 s
        settings.put("command.db-scheduler.polling-interval", "500ms");
        return settings;
    }

    /** Pools of five: several systems at once (a JVM's tests, a restart) stay within the server's connections. */
    static Map<String, String> smallPools(Map<String, String> settings) {
        settings.put("command.spring.datasource.hikari.maximum-pool-size", "5");
        settings.put("query.spring.datasource.hikari.maximum-pool-size", "5");
        return settings;
    }

    /** A real SMTP server on a free local port, keeping what it receives. */
    static GreenMail smtpServer() {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return smtp;
    }

    /** The command side sends its outbox to that server, looking every 0.2 s. */
    static void mailTo(GreenMail smtp, Map<String, String> settings) {
        settings.put("command.spring.mail.host", "127.0.0.1");
        settings.put("command.spring.mail.port", String.valueOf(smtp.getSmtp().getPort()));
        settings.put("command.booking.mail.poll-interval", "PT0.2S");
        // the test's SMTP server logs the addresses it sees; the application's log lines are what a test checks
        settings.put("logging.level.com.icegreen.greenmail", "WARN");
    }
}
