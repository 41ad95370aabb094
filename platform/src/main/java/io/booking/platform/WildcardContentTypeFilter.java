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
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

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
            response.setHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE);
            ServletProblems.write(
                    response,
                    json,
                    ServletProblems.naming(
                            HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                            "the body must be sent as application/json",
                            HttpHeaders.CONTENT_TYPE,
                            "must be application/json, not a wildcard"));
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
