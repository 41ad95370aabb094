package io.booking.query.consistency;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param maxWait      how long a query waits for the processors to reach the caller's position
 * @param pollInterval how often it looks meanwhile
 * @param retryAfter   what the 503 answer suggests after the wait ran out
 */
@ConfigurationProperties("booking.consistency")
public record ConsistencyProperties(
        @DefaultValue("5s") Duration maxWait,
        @DefaultValue("5ms") Duration pollInterval,
        @DefaultValue("1s") Duration retryAfter) {}
