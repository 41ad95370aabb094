package io.booking.query.eventstore;

import java.sql.SQLException;

/**
 * Why an event was parked, as the dead-letter queue stores it: the failure's type and, from the database, its SQLState,
 * never its message (a database error may quote the row, and so a person's name).
 */
public class ProjectionFailure extends RuntimeException {

    ProjectionFailure(Throwable failure) {
        super(describe(failure), null, false, false);
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        String sqlState = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            root = cause;
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                sqlState = sql.getSQLState();
            }
        }
        return root.getClass().getName() + (sqlState == null ? "" : " (SQLState " + sqlState + ")");
    }
}
