package io.booking.query.support;

import io.booking.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;

/** Creates the event store and key tables the way the command side does, from its own migration. */
public final class CommandSchema {

    private CommandSchema() {}

    public static void migrate(TestDatabase db) {
        Flyway.configure()
                .dataSource(db.jdbcUrl(), db.username(), db.password())
                .schemas("command")
                .defaultSchema("command")
                .locations("classpath:db/migration/command")
                .load()
                .migrate();
    }
}
