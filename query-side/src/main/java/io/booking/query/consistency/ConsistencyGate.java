package io.booking.query.consistency;

import io.booking.query.web.InvalidParameterException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

import java.util.concurrent.locks.LockSupport;

/**
 * Read-your-writes for every query endpoint: a request carrying a consistency token (the event store position of
 * the caller's last command) is answered only once every processor has processed that position.
 */
@Component
public class ConsistencyGate implements HandlerInterceptor {

    public static final String HEADER = "X-Consistency-Token";
    public static final String PARAMETER = "consistencyToken";

    private final ProcessorPositions positions;
    private final ConsistencyProperties properties;

    public ConsistencyGate(ProcessorPositions positions, ConsistencyProperties properties) {
        this.positions = positions;
        this.properties = properties;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String header = request.getHeader(HEADER);
        if (header != null) {
            awaitPosition(parse(HEADER, header));
        }
        String parameter = request.getParameter(PARAMETER);
        if (parameter != null) {
            awaitPosition(parse(PARAMETER, parameter));
        }
        return true;
    }

    public void awaitPosition(long position) {
        long deadline = System.nanoTime() + properties.maxWait().toNanos();
        while (!positions.reached(position)) {
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
