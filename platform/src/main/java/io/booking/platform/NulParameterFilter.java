package io.booking.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Map;

/**
 * A query parameter holding the NUL character (PostgreSQL cannot compare or store it in text) is a 400 naming the
 * parameter, before any query fails on it with a 500.
 */
public class NulParameterFilter extends OncePerRequestFilter {

    private final ObjectMapper json;

    public NulParameterFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            boolean nul = StrictJson.holdsNul(parameter.getKey());
            for (String value : parameter.getValue()) {
                nul |= StrictJson.holdsNul(value);
            }
            if (nul) {
                String name = parameter.getKey().replace('\u0000', '?');
                ServletProblems.write(
                        response,
                        json,
                        ServletProblems.naming(
                                HttpStatus.BAD_REQUEST, "invalid " + name, name, "must not contain the NUL character"));
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
