package io.booking.command.consistency;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.util.OptionalLong;

/**
 * The event-store position of a command's last event. A query that passes it back is answered only once the query
 * side has processed that far, so a client sees its own write.
 */
public final class ConsistencyToken {

    public static final String HEADER = "X-Consistency-Token";

    private ConsistencyToken() {}

    public static <T> ResponseEntity<T> created(T body, OptionalLong position) {
        return answer(HttpStatus.CREATED, body, position);
    }

    /** @param location where the created thing is read ({@link ReadLinks}) */
    public static <T> ResponseEntity<T> created(URI location, T body, OptionalLong position) {
        ResponseEntity<T> answer = created(body, position);
        return ResponseEntity.status(answer.getStatusCode())
                .headers(answer.getHeaders())
                .location(location)
                .body(body);
    }

    public static <T> ResponseEntity<T> ok(T body, OptionalLong position) {
        return answer(HttpStatus.OK, body, position);
    }

    private static <T> ResponseEntity<T> answer(HttpStatus status, T body, OptionalLong position) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status);
        position.ifPresent(p -> answer.header(HEADER, Long.toString(p)));
        return answer.body(body);
    }

    public static Long orNull(OptionalLong position) {
        return position.isPresent() ? position.getAsLong() : null;
    }
}
