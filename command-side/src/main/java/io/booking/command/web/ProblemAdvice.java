package io.booking.command.web;

import io.booking.command.CommandRefused;
import io.booking.command.axon.NoSuchAggregate;
import io.booking.platform.DatabaseUnavailable;
import io.booking.platform.SafeLog;
import org.axonframework.common.lock.DeadlockException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import io.booking.platform.BodySizeLimitFilter;
import io.booking.platform.StrictJson;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every refusal of the command API as RFC 9457 problem+json. Messages name fields and rules, never the values sent:
 * those may be personal data.
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(CommandRefused.class)
    ProblemDetail refused(CommandRefused e) {
        HttpStatus status = switch (e.kind()) {
            case BAD_REQUEST -> HttpStatus.BAD_REQUEST;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setType(URI.create("urn:booking:rule:" + e.rule()));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("rule", e.rule());
        e.details().forEach(problem::setProperty);
        return problem;
    }

    /** An id that names nothing of its kind (none, or a booking's id given as an event's): the field is named. */
    @ExceptionHandler(NoSuchAggregate.class)
    ProblemDetail noSuch(NoSuchAggregate e) {
        // the domain's occurrence is the API's event
        String field = e.field().endsWith("ccurrenceId") ? "eventId" : e.field();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no such " + field);
        problem.setProperty("rule", "not-found");
        problem.setProperty("errors", List.of(Map.of("field", field, "message", "names nothing of its kind")));
        return problem;
    }

    /** An id of another kind of aggregate (a booking's id given as an event's) names nothing of the kind asked for. */
    @ExceptionHandler({AggregateNotFoundException.class, IncompatibleAggregateException.class})
    ProblemDetail notFound(RuntimeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no such event or booking");
        problem.setProperty("rule", "not-found");
        return problem;
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ProblemDetail exists(AggregateStreamCreationException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "something with this id already exists");
        problem.setType(URI.create("urn:booking:rule:already-exists"));
        problem.setProperty("rule", "already-exists");
        return problem;
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrent(ConcurrencyException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "it was changed by someone else at the same moment, or it already exists; retry with fresh data");
        problem.setProperty("rule", "concurrent-change");
        return problem;
    }

    /** Two transfers crossing between the same two events in opposite directions: one of them gives way. */
    @ExceptionHandler(DeadlockException.class)
    ProblemDetail deadlock(DeadlockException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "another change of the same events crossed this one; retry");
        problem.setProperty("rule", "concurrent-change");
        return problem;
    }

    @ExceptionHandler(BadCredentialsException.class)
    ProblemDetail badCredentials(BadCredentialsException e) {
        // the messages are ours ("email or password is wrong", "password is wrong"), never the values sent
        return ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseUnavailable.causes(e)) {
            log.warn("database unavailable: {}", SafeLog.describe(e));
            return DatabaseUnavailable.answer();
        }
        log.error("unexpected failure: {}", SafeLog.describe(e));
        return ResponseEntity.internalServerError()
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "unexpected failure"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", StrictJson.shortened(f.getField()), "message", messageOf(f)))
                .toList();
        return badRequest("invalid fields: " + errors.stream().map(m -> m.get("field")).distinct()
                .collect(Collectors.joining(", ")), errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<Map<String, String>> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> Map.of(
                        "field", String.valueOf(r.getMethodParameter().getParameterName()),
                        "message", String.valueOf(err.getDefaultMessage()))))
                .toList();
        return badRequest("invalid parameters", errors);
    }

    /** A path variable or parameter that is not of its type (a booking id that is no UUID) is named, not echoed. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String field = e.getPropertyName() == null ? "request" : e.getPropertyName();
        return badRequest("invalid " + field, List.of(Map.of("field", field, "message", "has an invalid format")));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodySizeLimitFilter.BodyTooLarge tooLarge) {
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                        .body(BodySizeLimitFilter.tooLarge(tooLarge.maxBytes()));
            }
        }
        Optional<String> field = StrictJson.fieldOf(e);
        if (field.isPresent()) {
            return badRequest("field " + field.get() + " has a value of the wrong type or format",
                    List.of(Map.of("field", field.get(), "message", "wrong type or format")));
        }
        return badRequest("the request body is missing or is not valid JSON", List.of());
    }

    private static String messageOf(FieldError error) {
        return error.getDefaultMessage() == null ? "invalid" : error.getDefaultMessage();
    }

    private static ResponseEntity<Object> badRequest(String detail, List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }
}
