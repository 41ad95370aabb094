package io.booking.query.web;

import io.booking.platform.ProblemAnswers;
import io.booking.query.consistency.ConsistencyTimeoutException;
import io.booking.query.rebuild.RebuildRefused;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;

/** The query side's refusals, beside those both apps share ({@link ProblemAnswers}). */
@RestControllerAdvice
public class ProblemAdvice extends ProblemAnswers {

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(InvalidParameterException.class)
    ProblemDetail invalidParameter(InvalidParameterException e) {
        return badRequest(List.of(new FieldProblem(e.parameter(), e.getMessage())));
    }

    @ExceptionHandler(RebuildRefused.class)
    ProblemDetail rebuildRefused(RebuildRefused e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setProperty("rule", e.rule());
        return problem;
    }

    @ExceptionHandler(ConsistencyTimeoutException.class)
    ResponseEntity<ProblemDetail> notYetConsistent(ConsistencyTimeoutException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE,
                "The read models have not reached the requested position yet; retry later.");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfter().toSeconds()))
                .body(problem);
    }
}
