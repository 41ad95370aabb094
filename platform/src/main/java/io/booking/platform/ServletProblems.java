package io.booking.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Refusals written before Spring MVC answers (filters, the firewall): the same problem+json as the controllers'. */
public final class ServletProblems {

    private ServletProblems() {}

    /** A refusal naming what was wrong, in the {@code errors[].field} shape the controllers' refusals have. */
    public static ProblemDetail naming(HttpStatus status, String detail, String field, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return problem;
    }

    public static void write(HttpServletResponse response, ObjectMapper json, ProblemDetail problem)
            throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
