package io.booking.command.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.booking.command.consistency.ConsistencyToken;
import io.booking.platform.BodySizeLimitFilter;
import io.booking.platform.ServletProblems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Any write may carry an {@code Idempotency-Key} header: its first answer (below 500) is kept for a day, per caller, and
 * the same request sent again with the same key gets that answer again, status, body, Location and consistency token,
 * without being served twice. The same key with another request (method, path or body) is 422
 * {@code idempotency-key-reused}; while the first is still being served, 409 {@code idempotency-key-in-progress} with
 * {@code Retry-After}. An answer of 500 or more is not kept: the retry is served afresh.
 */
public class IdempotentRequests extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    /** A first request still marked as being served after this long ended without an answer (its instance died). */
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(1);

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final long maxBodyBytes;

    public IdempotentRequests(JdbcTemplate jdbc, ObjectMapper json, long maxBodyBytes) {
        this.jdbc = jdbc;
        this.json = json;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Answers that hold a secret (an access token, an invitation) are not kept: those requests take no key. */
    private static final List<String> ANSWERING_WITH_SECRETS =
            List.of("/api/auth/", "/api/guest/session", "/api/admin/accounts");

    /** Whether a write to this path takes a key: not those answering with a secret. */
    static boolean takesKey(String path) {
        return path.startsWith("/api/") && ANSWERING_WITH_SECRETS.stream().noneMatch(path::startsWith);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !WRITES.contains(request.getMethod())
                || request.getHeader(HEADER) == null
                || !takesKey(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            ServletProblems.write(
                    response,
                    json,
                    ServletProblems.naming(
                            HttpStatus.BAD_REQUEST, "invalid " + HEADER, HEADER, "1 to 255 visible ASCII characters"));
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readNBytes((int) maxBodyBytes + 1);
        } catch (BodySizeLimitFilter.BodyTooLarge tooLarge) {
            ServletProblems.write(response, json, BodySizeLimitFilter.tooLarge(maxBodyBytes));
            return;
        }
        String caller = caller();
        byte[] hash = hash(request, body);
        if (!claim(caller, key, hash)) {
            replayOrRefuse(caller, key, hash, response);
            return;
        }
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(new CachedBody(request, body), answer);
            if (answer.getStatus() < 500) {
                keep(caller, key, answer);
                kept = true;
            }
        } finally {
            if (!kept) {
                jdbc.update("delete from idempotent_request where caller = ? and key = ?", caller, key);
            }
            answer.copyBodyToResponse();
        }
    }

    /** Answers kept for a day are dropped. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    public void forgetOldAnswers() {
        jdbc.update("delete from idempotent_request where created_at < now() - interval '1 day'");
    }

    /** @return whether this request is the first with the key (or takes over one abandoned by a dead instance) */
    private boolean claim(String caller, String key, byte[] hash) {
        int inserted = jdbc.update(
                "insert into idempotent_request (caller, key, request_hash) values (?, ?, ?) on conflict do nothing",
                caller,
                key,
                hash);
        if (inserted == 1) {
            return true;
        }
        return jdbc.update("""
                        update idempotent_request set created_at = now()
                        where caller = ? and key = ? and request_hash = ? and status is null
                          and created_at < now() - make_interval(secs => ?)""", caller, key, hash, ABANDONED_AFTER.toSeconds()) == 1;
    }

    private void keep(String caller, String key, ContentCachingResponseWrapper answer) {
        String position = answer.getHeader(ConsistencyToken.HEADER);
        jdbc.update(
                """
                update idempotent_request set status = ?, content_type = ?, location = ?, position = ?, body = ?
                where caller = ? and key = ?""",
                answer.getStatus(),
                answer.getContentType(),
                answer.getHeader(HttpHeaders.LOCATION),
                position == null ? null : Long.valueOf(position),
                answer.getContentAsByteArray(),
                caller,
                key);
    }

    private void replayOrRefuse(String caller, String key, byte[] hash, HttpServletResponse response)
            throws IOException {
        List<Kept> kept = jdbc.query(
                """
                select request_hash, status, content_type, location, position, body
                from idempotent_request where caller = ? and key = ?""",
                (rs, i) -> new Kept(
                        rs.getBytes(1),
                        (Integer) rs.getObject(2),
                        rs.getString(3),
                        rs.getString(4),
                        (Long) rs.getObject(5),
                        rs.getBytes(6)),
                caller,
                key);
        if (kept.isEmpty()) {
            // the first ended in a 5xx meanwhile: this one may go again
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            refuse(
                    response,
                    HttpStatus.CONFLICT,
                    "idempotency-key-in-progress",
                    "the first request with this key just failed; send it again");
            return;
        }
        Kept first = kept.get(0);
        if (!Arrays.equals(first.requestHash(), hash)) {
            refuse(
                    response,
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    "idempotency-key-reused",
                    "this key was used for another request");
        } else if (first.status() == null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            refuse(
                    response,
                    HttpStatus.CONFLICT,
                    "idempotency-key-in-progress",
                    "the first request with this key is still being served");
        } else {
            response.setStatus(first.status());
            if (first.contentType() != null) {
                response.setContentType(first.contentType());
            }
            if (first.location() != null) {
                response.setHeader(HttpHeaders.LOCATION, first.location());
            }
            if (first.position() != null) {
                response.setHeader(ConsistencyToken.HEADER, first.position().toString());
            }
            response.setHeader("Idempotent-Replayed", "true");
            response.getOutputStream().write(first.body() == null ? new byte[0] : first.body());
        }
    }

    private void refuse(HttpServletResponse response, HttpStatus status, String rule, String detail)
            throws IOException {
        ProblemDetail problem = ServletProblems.naming(status, detail, HEADER, detail);
        problem.setProperty("rule", rule);
        ServletProblems.write(response, json, problem);
    }

    private static String caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() || authentication.getName() == null
                ? "" // no token: anyone's key space, as anyone may send such a write again
                : authentication.getName();
    }

    /** What makes two requests the same: method, path with query, and body. */
    private static byte[] hash(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Kept(
            byte[] requestHash, Integer status, String contentType, String location, Long position, byte[] body) {}

    /** The body, read once to compare requests, read again by the controller. */
    private static final class CachedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
