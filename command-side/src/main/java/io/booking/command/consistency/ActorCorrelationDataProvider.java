package io.booking.command.consistency;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * Stamps every message produced while handling another with the actor, the correlation id (the first message of the
 * chain) and the causation id (the message being handled).
 */
@Component
public class ActorCorrelationDataProvider implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        Object actor = message.getMetaData().get(Metadata.ACTOR);
        data.put(Metadata.ACTOR, actor == null ? "system:system" : actor);
        Object correlationId = message.getMetaData().get(Metadata.CORRELATION_ID);
        data.put(Metadata.CORRELATION_ID, correlationId == null ? message.getIdentifier() : correlationId);
        data.put(Metadata.CAUSATION_ID, message.getIdentifier());
        return data;
    }
}
