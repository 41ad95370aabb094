package io.booking.system;

import io.booking.command.CommandSideApplication;
import io.booking.query.QuerySideApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs both sides in one JVM: the command side on 8080 and the query side on 8081. Without {@code BOOKING_DB_URL}
 * it starts an embedded PostgreSQL whose data lives in {@code .data/postgres} (or {@code BOOKING_DATA_DIR}) and
 * survives restarts.
 */
public final class BookingSystem implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BookingSystem.class);

    private final EmbeddedPostgres embedded;
    private final ConfigurableApplicationContext commandSide;
    private final ConfigurableApplicationContext querySide;

    private BookingSystem(
            EmbeddedPostgres embedded,
            ConfigurableApplicationContext commandSide,
            ConfigurableApplicationContext querySide) {
        this.embedded = embedded;
        this.commandSide = commandSide;
        this.querySide = querySide;
    }

    public static void main(String[] args) throws Exception {
        BookingSystem system = start(Map.of(), args);
        Runtime.getRuntime().addShutdownHook(new Thread(system::close));
        log.info(
                "command side on http://localhost:{}, query side on http://localhost:{}",
                system.commandPort(),
                system.queryPort());
    }

    /**
     * Starts both sides. {@code overrides} and {@code --key=value} arguments are Spring properties for both sides;
     * a key prefixed {@code command.} or {@code query.} is for that side only (e.g. {@code --command.server.port=0}).
     */
    public static BookingSystem start(Map<String, String> overrides, String... args) throws IOException, SQLException {
        return start(overrides, null, args);
    }

    /**
     * As {@link #start(Map, String...)}, with the command side telling time by {@code commandClock} instead of the
     * system clock (the history loader writes bookings dated in the past through it); null for the system clock.
     */
    public static BookingSystem start(Map<String, String> overrides, Clock commandClock, String... args)
            throws IOException, SQLException {
        Map<String, String> properties = new HashMap<>(overrides);
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 2) {
                properties.put(arg.substring(2, equals), arg.substring(equals + 1));
            }
        }
        EmbeddedPostgres embedded = null;
        if (!properties.containsKey("spring.datasource.url") && isBlank(System.getenv("BOOKING_DB_URL"))) {
            embedded = startEmbedded();
            properties.put("spring.datasource.url", embedded.getJdbcUrl("postgres", "booking"));
            properties.put("spring.datasource.username", "postgres");
            properties.put("spring.datasource.password", "");
        }
        // no shutdown hooks of their own: close() stops the query side, then the command side, then the database
        SpringApplicationBuilder commandBuilder =
                CommandSideApplication.builder().registerShutdownHook(false);
        if (commandClock != null) {
            // registered before the configuration is read, so the side's own clock bean (conditional on none) stays out
            commandBuilder.initializers(context -> context.getBeanFactory().registerSingleton("clock", commandClock));
        }
        ConfigurableApplicationContext command = commandBuilder.run(argumentsFor("command.", properties));
        properties.putIfAbsent(
                "query.spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                "http://localhost:" + command.getEnvironment().getProperty("local.server.port")
                        + "/.well-known/jwks.json");
        try {
            ConfigurableApplicationContext query =
                    QuerySideApplication.builder().registerShutdownHook(false).run(argumentsFor("query.", properties));
            return new BookingSystem(embedded, command, query);
        } catch (RuntimeException e) {
            command.close();
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
    }

    /** As command-line arguments, so they win over each side's own configuration file. */
    private static String[] argumentsFor(String side, Map<String, String> properties) {
        Map<String, String> mine = new HashMap<>();
        properties.forEach((key, value) -> {
            if (key.startsWith(side)) {
                mine.put(key.substring(side.length()), value);
            } else if (!key.startsWith("command.") && !key.startsWith("query.")) {
                mine.putIfAbsent(key, value);
            }
        });
        List<String> arguments = new ArrayList<>();
        mine.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        return arguments.toArray(String[]::new);
    }

    private static EmbeddedPostgres startEmbedded() throws IOException, SQLException {
        return startEmbedded(
                Path.of(envOr("BOOKING_DATA_DIR", ".data/postgres")).toAbsolutePath(),
                Integer.parseInt(envOr("BOOKING_EMBEDDED_DB_PORT", "54329")));
    }

    static EmbeddedPostgres startEmbedded(Path dataDirectory, int port) throws IOException, SQLException {
        Files.createDirectories(dataDirectory);
        log.info(
                "no BOOKING_DB_URL: starting an embedded PostgreSQL on port {} with its data in {}",
                port,
                dataDirectory);
        // the library starts PostgreSQL as a throwaway test database: fsync off (-F) and asynchronous commits; this one
        // keeps bookings, so each commit is on disk before it is answered, and it stops after both sides (close())
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setRegisterShutdownHook(false)
                .start();
        try (Connection c = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
                Statement s = c.createStatement()) {
            if (!s.executeQuery("select 1 from pg_database where datname = 'booking'")
                    .next()) {
                s.execute("create database booking");
            }
        }
        return postgres;
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return isBlank(value) ? fallback : value;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    public int commandPort() {
        return Integer.parseInt(commandSide.getEnvironment().getRequiredProperty("local.server.port"));
    }

    public int queryPort() {
        return Integer.parseInt(querySide.getEnvironment().getRequiredProperty("local.server.port"));
    }

    public ConfigurableApplicationContext commandSide() {
        return commandSide;
    }

    public ConfigurableApplicationContext querySide() {
        return querySide;
    }

    @Override
    public void close() {
        querySide.close();
        commandSide.close();
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                log.warn("embedded PostgreSQL did not stop cleanly");
            }
        }
    }
}
