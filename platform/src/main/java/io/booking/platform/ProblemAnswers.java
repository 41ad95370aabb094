package io.booking.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.NonNull;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;
import java.util.stream.Stream;

/**
 * What both apps answer for the failures they share, as RFC 9457 problem details: invalid input (400 with an
 * {@code errors} list naming each bad field or parameter), a body over the limit (413), a missing or insufficient token
 * (401, 403), the database away (503) and anything unexpected (500). Each app's advice extends this with its domain's
 * refusals. Messages never echo request values, so no personal data ends up in an answer.
 */
public abstract class ProblemAnswers extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAnswers.class);

    public static final String TOKEN_REQUIRED = "A valid bearer token is required.";
    public static final String ROLE_REFUSED = "Your role does not allow this request.";

    /** One entry of a 400's {@code errors}: the field or parameter, and what is wrong with it (never its value). */
    public record FieldProblem(String field, String message) {}

    /** A 400 naming each bad field or parameter. */
    public static ProblemDetail badRequest(List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                "Invalid request: "
                        + String.join(
                                ", ",
                                errors.stream()
                                        .map(FieldProblem::field)
                                        .distinct()
                                        .toList()));
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, TOKEN_REQUIRED));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, ROLE_REFUSED);
    }

    @ExceptionHandler(AttemptLimits.TooManyAttempts.class)
    ResponseEntity<ProblemDetail> tooManyAttempts(AttemptLimits.TooManyAttempts e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds())
                .body(e.problem());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseUnavailable.causes(e)) {
            log.warn("database unavailable: {}", SafeLog.describe(e));
            return DatabaseUnavailable.answer();
        }
        log.error("request failed: {}", SafeLog.describe(e));
        return ResponseEntity.internalServerError()
                .body(ProblemDetail.forStatusAndDetail(
                        HttpStatus.INTERNAL_SERVER_ERROR, "The request failed unexpectedly."));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            @NonNull MethodArgumentNotValidException e,
            @NonNull HttpHeaders headers,
            @NonNull HttpStatusCode status,
            @NonNull WebRequest request) {
        List<FieldProblem> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(StrictJson.shortened(error.getField()), messageOf(error)))
                .toList();
        return ResponseEntity.badRequest().body(badRequest(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            @NonNull HandlerMethodValidationException e,
            @NonNull HttpHeaders headers,
            @NonNull HttpStatusCode status,
            @NonNull WebRequest request) {
        // a parameter object (paging, filters) names its own fields; a plain parameter is named by itself
        List<FieldProblem> errors = Stream.concat(
                        e.getBeanResults().stream()
                                .flatMap(result -> result.getFieldErrors().stream()
                                        .map(error -> new FieldProblem(error.getField(), messageOf(error)))),
                        e.getValueResults().stream()
                                .flatMap(result -> result.getResolvableErrors().stream()
                                        .map(error -> new FieldProblem(
                                                result.getMethodParameter().getParameterName(), messageOf(error)))))
                .toList();
        return ResponseEntity.badRequest().body(badRequest(errors));
    }

    /** A path variable or parameter that is not of its type (a booking id that is no UUID) is named, not echoed. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            @NonNull TypeMismatchException e,
            @NonNull HttpHeaders headers,
            @NonNull HttpStatusCode status,
            @NonNull WebRequest request) {
        String field = e.getPropertyName() == null ? "request" : e.getPropertyName();
        return ResponseEntity.badRequest().body(badRequest(List.of(new FieldProblem(field, "has an invalid format"))));
    }

    /** A body too large (413), a field of another type or holding NUL (400 naming it), or no JSON at all. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            @NonNull HttpMessageNotReadableException e,
            @NonNull HttpHeaders headers,
            @NonNull HttpStatusCode status,
            @NonNull WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodySizeLimitFilter.BodyTooLarge tooLarge) {
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                        .body(BodySizeLimitFilter.tooLarge(tooLarge.maxBytes()));
            }
        }
        FieldProblem problem = StrictJson.fieldOf(e)
                .map(field -> new FieldProblem(field, "has a value of the wrong type or format"))
                .orElse(new FieldProblem("body", "is missing or is not valid JSON"));
        return ResponseEntity.badRequest().body(badRequest(List.of(problem)));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            @NonNull MissingServletRequestParameterException e,
            @NonNull HttpHeaders headers,
            @NonNull HttpStatusCode status,
            @NonNull WebRequest request) {
        return ResponseEntity.badRequest()
                .body(badRequest(List.of(new FieldProblem(e.getParameterName(), "is required"))));
    }

    private static String messageOf(MessageSourceResolvable error) {
        if (error instanceof FieldError fieldError && fieldError.isBindingFailure()) {
            return "has an invalid format";
        }
        return error instanceof DefaultMessageSourceResolvable resolvable && resolvable.getDefaultMessage() != null
                ? resolvable.getDefaultMessage()
                : "is invalid";
    }
}
