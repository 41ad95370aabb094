package io.booking.query.consistency;

import io.booking.query.web.InvalidParameterException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.time.Duration;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Read-your-writes for every query endpoint: a request carrying a consistency token (the event store position of
 * the caller's last command) is answered only once every processor has processed that position, or with 503 once
 * the configured wait (or a shorter one the client asked for with RFC 7240's {@code Prefer: wait=seconds}) ran out.
 * An endpoint that declares the read models it reads ({@link ReadsFrom}) waits for their processors alone.
 * A token that is not a position, or is beyond the newest event, is refused at once.
 */
@Component
public class ConsistencyGate implements HandlerInterceptor {

    public static final String HEADER = "X-Consistency-Token";
    public static final String PARAMETER = "consistencyToken";
    private static final Pattern WAIT_PREFERENCE = Pattern.compile("(?i)^\\s*wait\\s*=\\s*\"?(\\d{1,9})\"?\\s*(;.*)?$");

    private final ProcessorPositions positions;
    private final ConsistencyProperties properties;

    public ConsistencyGate(ProcessorPositions positions, ConsistencyProperties properties) {
        this.positions = positions;
        this.properties = properties;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String header = request.getHeader(HEADER);
        String parameter = request.getParameter(PARAMETER);
        if (header == null && parameter == null) {
            return true;
        }
        long deadline = System.nanoTime() + maxWait(request).toNanos();
        Set<String> groups = groupsRead(handler);
        if (header != null) {
            awaitPosition(HEADER, parse(HEADER, header), groups, deadline);
        }
        if (parameter != null) {
            awaitPosition(PARAMETER, parse(PARAMETER, parameter), groups, deadline);
        }
        return true;
    }

    /** The processing groups the endpoint declares it reads; empty for all. */
    private static Set<String> groupsRead(Object handler) {
        if (handler instanceof HandlerMethod method) {
            ReadsFrom declared = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), ReadsFrom.class);
            if (declared == null) {
                declared = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), ReadsFrom.class);
            }
            if (declared != null) {
                return Set.copyOf(Arrays.asList(declared.value()));
            }
        }
        return Set.of();
    }

    /** The configured wait, or the client's preference when shorter; a preference not understood is ignored (RFC 7240). */
    private Duration maxWait(HttpServletRequest request) {
        Duration wait = properties.maxWait();
        for (Enumeration<String> headers = request.getHeaders("Prefer"); headers.hasMoreElements(); ) {
            for (String preference : headers.nextElement().split(",")) {
                Matcher matcher = WAIT_PREFERENCE.matcher(preference);
                if (matcher.matches()) {
                    Duration preferred = Duration.ofSeconds(Long.parseLong(matcher.group(1)));
                    wait = preferred.compareTo(wait) < 0 ? preferred : wait;
                }
            }
        }
        return wait;
    }

    private void awaitPosition(String name, long position, Set<String> groups, long deadline) {
        boolean reached = positions.reached(position, groups);
        // waiting could not help: no command answered this token
        if (!reached && position > positions.newest()) {
            throw new InvalidParameterException(name, "is beyond the newest event: send the token a command answered");
        }
        for (; !reached; reached = positions.reached(position, groups)) {
            if (System.nanoTime() - deadline > 0) {
                throw new ConsistencyTimeoutException(position, properties.retryAfter());
            }
            LockSupport.parkNanos(properties.pollInterval().toNanos());
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new ConsistencyTimeoutException(position, properties.retryAfter());
            }
        }
    }

    private static long parse(String name, String value) {
        try {
            long position = Long.parseLong(value.trim());
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw new InvalidParameterException(name, "must be a non-negative whole number");
    }
}
