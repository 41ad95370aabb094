package io.booking.command.consistency;

import io.booking.command.security.Actor;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.BiFunction;

/**
 * Sends a command on behalf of an actor and tells where its events landed in the store: the consistency token a
 * query can wait for. The local command bus handles a command on the calling thread, so the events it publishes are
 * seen here by a dispatch interceptor on the event bus.
 */
@Component
public class CommandDispatcher {

    private static final ThreadLocal<String[]> LAST_EVENT = new ThreadLocal<>();

    private final CommandGateway gateway;
    private final JdbcTemplate jdbc;

    public CommandDispatcher(CommandGateway gateway, EventBus eventBus, JdbcTemplate jdbc) {
        this.gateway = gateway;
        this.jdbc = jdbc;
        eventBus.registerDispatchInterceptor(new LastEventRecorder());
    }

    public <R> Dispatched<R> send(Object command, Actor actor) {
        String[] lastEvent = new String[1];
        LAST_EVENT.set(lastEvent);
        try {
            R result = gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(Map.of(Metadata.ACTOR, actor.asMetaData())));
            return new Dispatched<>(result, lastEvent[0] == null ? OptionalLong.empty() : positionOf(lastEvent[0]));
        } finally {
            LAST_EVENT.remove();
        }
    }

    /** The position of the newest event of an aggregate, for an answer repeated without new events. */
    public OptionalLong latestPositionOf(String aggregateId) {
        Long position = latestPositionsOf(List.of(aggregateId)).get(aggregateId);
        return position == null ? OptionalLong.empty() : OptionalLong.of(position);
    }

    /** {@link #latestPositionOf} of several aggregates in one query; an aggregate without events is left out. */
    public Map<String, Long> latestPositionsOf(Collection<String> aggregateIds) {
        Map<String, Long> positions = new HashMap<>();
        if (aggregateIds.isEmpty()) {
            return positions;
        }
        jdbc.query("""
                        select aggregate_identifier, max(global_index) from domain_event_entry
                        where aggregate_identifier = any(?) group by aggregate_identifier""", ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", aggregateIds.toArray())), rs -> {
            positions.put(rs.getString(1), rs.getLong(2));
        });
        return positions;
    }

    private OptionalLong positionOf(String eventIdentifier) {
        List<Long> found = jdbc.queryForList(
                "select global_index from domain_event_entry where event_identifier = ?", Long.class, eventIdentifier);
        return found.isEmpty() ? OptionalLong.empty() : OptionalLong.of(found.get(0));
    }

    public record Dispatched<R>(R result, OptionalLong position) {}

    private static final class LastEventRecorder implements MessageDispatchInterceptor<EventMessage<?>> {

        @Override
        public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
            String[] sink = LAST_EVENT.get();
            if (sink != null && !messages.isEmpty()) {
                sink[0] = messages.get(messages.size() - 1).getIdentifier();
            }
            return (index, message) -> message;
        }
    }
}
