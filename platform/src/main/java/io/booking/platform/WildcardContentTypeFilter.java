package io.booking.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A body declared as {@code *}{@code /*} or {@code application/*} says nothing of its format: 415 naming the header.
 * Spring MVC let it through to a point that asserts a concrete type, which answered 500.
 */
public class WildcardContentTypeFilter extends OncePerRequestFilter {

    private final ObjectMapper json;

    public WildcardContentTypeFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String declared = request.getContentType();
        if (declared != null && isWildcard(declared)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "the body must be sent as application/json");
            problem.setProperty("errors", List.of(Map.of("field", HttpHeaders.CONTENT_TYPE,
                    "message", "must be application/json, not a wildcard")));
            response.setStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE.value());
            response.setHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isWildcard(String declared) {
        try {
            MediaType type = MediaType.parseMediaType(declared);
            return type.isWildcardType() || type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false; // Spring MVC answers an unreadable Content-Type with 415 itself
        }
    }
}
