package io.booking.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A fresh PostgreSQL database for one test context, created here and dropped when the JVM ends.
 * <p>
 * The server is found in this order: the admin URL in {@code BOOKING_TEST_DB_URL} (with {@code BOOKING_TEST_DB_USER}
 * and {@code BOOKING_TEST_DB_PASSWORD}), Testcontainers where a Docker engine answers, else an embedded PostgreSQL.
 */
public record TestDatabase(String jdbcUrl, String username, String password, String name) {

    private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);
    private static Server server;

    public static synchronized TestDatabase fresh() {
        if (server == null) {
            server = Server.find();
        }
        String name =
                "booking_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        server.execute("create database " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.dropWhenUnused(name)));
        return new TestDatabase(server.urlOf(name), server.username, server.password, name);
    }

    /** Points a Spring test context at a fresh database. */
    public static TestDatabase register(DynamicPropertyRegistry registry) {
        TestDatabase db = fresh();
        registry.add("spring.datasource.url", db::jdbcUrl);
        registry.add("spring.datasource.username", db::username);
        registry.add("spring.datasource.password", db::password);
        return db;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, username, password);
    }

    private record Server(String adminUrl, String username, String password) {

        static Server find() {
            String url = System.getenv("BOOKING_TEST_DB_URL");
            if (url != null && !url.isBlank()) {
                log.info("tests use the PostgreSQL named by BOOKING_TEST_DB_URL");
                return new Server(
                        url, envOr("BOOKING_TEST_DB_USER", "postgres"), envOr("BOOKING_TEST_DB_PASSWORD", ""));
            }
            if (dockerAnswers()) {
                log.info("tests use a PostgreSQL container");
                PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:16-alpine");
                container.start();
                return new Server(container.getJdbcUrl(), container.getUsername(), container.getPassword());
            }
            log.info("no database URL and no Docker engine: tests use an embedded PostgreSQL");
            try {
                EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        embedded.close();
                    } catch (IOException ignored) {
                        // the JVM is ending anyway
                    }
                }));
                return new Server(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "");
            } catch (IOException e) {
                throw new IllegalStateException("no PostgreSQL for the tests: set BOOKING_TEST_DB_URL", e);
            }
        }

        private static boolean dockerAnswers() {
            try {
                return DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | Error e) {
                return false;
            }
        }

        private static String envOr(String name, String fallback) {
            String value = System.getenv(name);
            return value == null ? fallback : value;
        }

        String urlOf(String database) {
            // swap the database segment of jdbc:postgresql://host:port/db?params
            int start = adminUrl.indexOf('/', "jdbc:postgresql://".length());
            int end = adminUrl.indexOf('?', start);
            String params = end < 0 ? "" : adminUrl.substring(end);
            return adminUrl.substring(0, start + 1) + database.toLowerCase(Locale.ROOT) + params;
        }

        void execute(String sql) {
            try (Connection c = DriverManager.getConnection(adminUrl, username, password);
                    Statement s = c.createStatement()) {
                s.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("test database setup failed: " + sql, e);
            }
        }

        /**
         * JVM shutdown hooks run together, and Spring closes its cached test contexts in one of them: a database
         * dropped under a context still closing left its event processors waiting 30 s for a connection, and the test
         * JVM was killed. So the drop waits, for a while, until nobody else is connected.
         */
        void dropWhenUnused(String database) {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < until && sessionsOn(database) > 0) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            }
            dropQuietly(database);
        }

        private int sessionsOn(String database) {
            try (Connection c = DriverManager.getConnection(adminUrl, username, password);
                    java.sql.PreparedStatement s = c.prepareStatement(
                            "select count(*) from pg_stat_activity where datname = ? and pid <> pg_backend_pid()")) {
                s.setString(1, database.toLowerCase(Locale.ROOT));
                try (java.sql.ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            } catch (SQLException e) {
                return 0;
            }
        }

        void dropQuietly(String database) {
            try {
                execute("drop database if exists " + database + " with (force)");
            } catch (RuntimeException e) {
                log.warn("could not drop test database {}", database);
            }
        }
    }
}
