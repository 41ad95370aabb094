package io.booking.command.occurrence;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** @param offerHold how long an offer holds freed seats for a waiting customer (never past the event's start) */
@ConfigurationProperties("booking.waiting-list")
public record WaitingListPolicy(Duration offerHold) {

    public WaitingListPolicy {
        offerHold = offerHold == null ? Duration.ofHours(24) : offerHold;
    }
}
