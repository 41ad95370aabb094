package io.booking.system;

import io.booking.testsupport.TestDatabase;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole database as text, to prove that erased values are nowhere in it (the erasure tests). */
final class DatabaseDump {

    private DatabaseDump() {}

    /** None of the values, in clear, as hex (bytea) or as base64 (a JSON payload's bytes). */
    static void assertAbsent(String dump, String what, List<String> values) {
        String lower = dump.toLowerCase(Locale.ROOT);
        for (String value : values) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            assertThat(lower).as(what).doesNotContain(value.toLowerCase(Locale.ROOT));
            assertThat(lower).as(what + " (hex)").doesNotContain(HexFormat.of().formatHex(utf8));
            assertThat(dump)
                    .as(what + " (base64)")
                    .doesNotContain(Base64.getEncoder().encodeToString(utf8));
        }
    }

    /** Every row of every table of every schema as text, bytea decoded as UTF-8. */
    static String everyTable(TestDatabase database) throws Exception {
        StringBuilder dump = new StringBuilder();
        try (Connection c = database.connect();
                Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("""
                    select quote_ident(table_schema) || '.' || quote_ident(table_name) from information_schema.tables
                    where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')""")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertThat(tables)
                    .contains(
                            "command.domain_event_entry",
                            "command.snapshot_event_entry",
                            "query.booking_ticket",
                            "query.token_entry");
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("select * from " + table)) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        dump.append(table).append(':');
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            Object value = rs.getObject(i);
                            dump.append(' ')
                                    .append(
                                            value instanceof byte[] bytes
                                                    ? new String(bytes, StandardCharsets.UTF_8)
                                                    : String.valueOf(value));
                        }
                        dump.append('\n');
                    }
                }
            }
        }
        return dump.toString();
    }

    /** {@code pg_dump} of the whole database, where the tool is found (PATH or /usr/lib/postgresql/N/bin). */
    static Optional<String> pgDump(TestDatabase database) throws Exception {
        Optional<Path> tool = Stream.concat(
                        Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                                .map(dir -> Path.of(dir, "pg_dump")),
                        postgresBinaries())
                .filter(Files::isExecutable)
                .findFirst();
        if (tool.isEmpty()) {
            return Optional.empty();
        }
        Path file = Files.createTempFile("erasure", ".sql");
        try {
            ProcessBuilder dump = new ProcessBuilder(
                            tool.get().toString(),
                            "--no-owner",
                            "--file=" + file,
                            "--dbname=" + database.jdbcUrl().substring("jdbc:".length()),
                            "--username=" + database.username())
                    .redirectErrorStream(true);
            dump.environment().put("PGPASSWORD", database.password() == null ? "" : database.password());
            Process process = dump.start();
            String messages = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            if (process.exitValue() != 0) {
                // a pg_dump older than the server (Testcontainers or the embedded server): the row dump stands alone
                assertThat(messages).as("pg_dump failed").contains("version mismatch");
                return Optional.empty();
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(text).contains("domain_event_entry");
            return Optional.of(text);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static Stream<Path> postgresBinaries() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions
                    .sorted(java.util.Comparator.reverseOrder())
                    .map(v -> v.resolve("bin/pg_dump"))
                    .toList()
                    .stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }
}
