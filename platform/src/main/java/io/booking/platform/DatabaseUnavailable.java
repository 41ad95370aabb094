package io.booking.platform;

import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Whether a failure says the database is away or busy for now (no connection, the server shutting down, a statement
 * cancelled by its timeout, a deadlock or lock timeout), rather than that the work itself is wrong. Such work is worth
 * trying again unchanged: a client gets 503 with {@code Retry-After}, a projection retries its batch instead of
 * parking the event.
 */
public final class DatabaseUnavailable {

    /** SQLState classes of PostgreSQL's errors that pass: connection (08), transaction rollback (40: serialization,
     * deadlock), insufficient resources (53), operator intervention (57: shutdown, statement cancelled). */
    private static final Set<String> TRANSIENT_STATE_CLASSES = Set.of("08", "40", "53", "57");
    /** lock_not_available (a lock_timeout ran out) */
    private static final Set<String> TRANSIENT_STATES = Set.of("55P03");

    private DatabaseUnavailable() {}

    /** How long a client is told to wait before it sends the request again. */
    static final String RETRY_AFTER_SECONDS = "2";

    /** The answer to a request the database could not serve now: 503, problem+json, {@code Retry-After}. */
    public static ResponseEntity<ProblemDetail> answer() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE,
                "The database is not answering; a change may or may not have been made: send the same request again "
                        + "(with its ids or Idempotency-Key) after Retry-After seconds.");
        problem.setProperty("rule", "database-unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    public static boolean causes(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof CannotGetJdbcConnectionException
                    || cause instanceof CannotCreateTransactionException
                    // a commit or rollback the connection failed under (the pool closed it as the server went away):
                    // whether the work was stored is unknown, which a retry with the same ids settles
                    || cause instanceof TransactionSystemException
                    || cause instanceof TransientDataAccessException
                    || cause instanceof RecoverableDataAccessException
                    || cause instanceof QueryTimeoutException
                    || cause instanceof SQLTransientException
                    || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (TRANSIENT_STATES.contains(sql.getSQLState())
                            || TRANSIENT_STATE_CLASSES.contains(sql.getSQLState()
                                    .substring(0, Math.min(2, sql.getSQLState().length()))))) {
                return true;
            }
        }
        return false;
    }
}
