package io.booking.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;

/**
 * How often a key (a client's address, an account's email) may try something that guesses or floods: logging in,
 * registering, asking for password resets. A token bucket per key (Bucket4j), refilled over a minute; buckets not used
 * for ten minutes are forgotten (Caffeine). Per instance: behind a load balancer each instance counts its own share.
 */
public final class AttemptLimits {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(200_000)
            .build();

    /** Refused: the key tried too often; it may again after {@link #retryAfter()}. */
    public static final class TooManyAttempts extends RuntimeException {

        private final Duration retryAfter;

        TooManyAttempts(Duration retryAfter) {
            super("too many attempts", null, false, false);
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }

        /** Whole seconds, at least one, as {@code Retry-After} takes them. */
        public String retryAfterSeconds() {
            return Long.toString(Math.max(1, (retryAfter.toMillis() + 999) / 1000));
        }

        public ProblemDetail problem() {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.TOO_MANY_REQUESTS, "Too many attempts; retry after Retry-After seconds.");
            problem.setProperty("rule", "too-many-attempts");
            return problem;
        }
    }

    /**
     * One attempt of {@code key}, allowed {@code perMinute} times a minute.
     *
     * @throws TooManyAttempts when the key has none left
     */
    public void attempt(String key, int perMinute) {
        Bucket bucket = buckets.get(
                key + "/" + perMinute,
                k -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(perMinute)
                                .refillGreedy(perMinute, Duration.ofMinutes(1))
                                .build())
                        .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new TooManyAttempts(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    /** Each client (by its address) may POST to {@code paths} {@code perMinute} times a minute; then 429. */
    public OncePerRequestFilter perClient(Set<String> paths, int perMinute, ObjectMapper json) {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !"POST".equals(request.getMethod()) || !paths.contains(request.getRequestURI());
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                try {
                    attempt("client:" + request.getRemoteAddr(), perMinute);
                } catch (TooManyAttempts refused) {
                    response.setHeader(HttpHeaders.RETRY_AFTER, refused.retryAfterSeconds());
                    ServletProblems.write(response, json, refused.problem());
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }
}
