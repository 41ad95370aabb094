package io.booking.command.web;

import io.booking.command.CommandRefused;
import io.booking.command.axon.NoSuchAggregate;
import io.booking.platform.ProblemAnswers;
import org.axonframework.common.lock.DeadlockException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;
import java.util.List;

/**
 * The command side's refusals, beside those both apps share ({@link ProblemAnswers}): the domain's rules by name
 * ({@code rule}), and Axon's answers for ids that name nothing or changes that crossed. Messages name fields and
 * rules, never the values sent: those may be personal data.
 */
@RestControllerAdvice
public class ProblemAdvice extends ProblemAnswers {

    @ExceptionHandler(CommandRefused.class)
    ProblemDetail refused(CommandRefused e) {
        HttpStatus status = switch (e.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_ALLOWED -> HttpStatus.CONFLICT;
            case NOT_APPLICABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
            case UNKNOWN -> HttpStatus.NOT_FOUND;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setType(URI.create("urn:booking:rule:" + e.rule()));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("rule", e.rule());
        e.details().forEach(problem::setProperty);
        if (!e.concerning().isEmpty()) {
            problem.setProperty(
                    "errors",
                    e.concerning().stream()
                            .map(part -> new FieldProblem(part.field(), part.problem()))
                            .toList());
        }
        return problem;
    }

    /** An id that names nothing of its kind (none, or a booking's id given as an event's): the field is named. */
    @ExceptionHandler(NoSuchAggregate.class)
    ProblemDetail noSuch(NoSuchAggregate e) {
        // the domain's occurrence is the API's event
        String field = e.field().endsWith("ccurrenceId") ? "eventId" : e.field();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no such " + field);
        problem.setProperty("rule", "not-found");
        problem.setProperty("errors", List.of(new FieldProblem(field, "names nothing of its kind")));
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
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "something with this id already exists");
        problem.setType(URI.create("urn:booking:rule:already-exists"));
        problem.setProperty("rule", "already-exists");
        return problem;
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrent(ConcurrencyException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT,
                "it was changed by someone else at the same moment, or it already exists; retry with fresh data");
        problem.setProperty("rule", "concurrent-change");
        return problem;
    }

    /** Two transfers crossing between the same two events in opposite directions: one of them gives way. */
    @ExceptionHandler(DeadlockException.class)
    ProblemDetail deadlock(DeadlockException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT, "another change of the same events crossed this one; retry");
        problem.setProperty("rule", "concurrent-change");
        return problem;
    }

    @ExceptionHandler(BadCredentialsException.class)
    ProblemDetail badCredentials(BadCredentialsException e) {
        // the messages are ours ("email or password is wrong", "password is wrong"), never the values sent
        return ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, e.getMessage());
    }
}
