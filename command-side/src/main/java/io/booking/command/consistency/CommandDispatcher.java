package io.booking.command.consistency;

import io.booking.command.security.Actor;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
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

    private static final ThreadLocal<List<String>> PUBLISHED = new ThreadLocal<>();

    private final CommandGateway gateway;
    private final JdbcTemplate jdbc;

    public CommandDispatcher(CommandGateway gateway, EventBus eventBus, JdbcTemplate jdbc) {
        this.gateway = gateway;
        this.jdbc = jdbc;
        eventBus.registerDispatchInterceptor(new PublishedEventRecorder());
    }

    public <R> Dispatched<R> send(Object command, Actor actor) {
        List<String> published = new ArrayList<>();
        PUBLISHED.set(published);
        try {
            R result = gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(Map.of(Metadata.ACTOR, actor.asMetaData())));
            return new Dispatched<>(result, published.isEmpty() ? Map.of() : positionsOf(published));
        } finally {
            PUBLISHED.remove();
        }
    }

    /** The position of the newest event of an aggregate, for an answer repeated without new events. */
    public OptionalLong latestPositionOf(String aggregateId) {
        Long position = jdbc.queryForObject(
                "select max(global_index) from domain_event_entry where aggregate_identifier = ?", Long.class, aggregateId);
        return position == null ? OptionalLong.empty() : OptionalLong.of(position);
    }

    /** The newest position of each aggregate among the given events, in one query after the commit. */
    private Map<String, Long> positionsOf(List<String> eventIdentifiers) {
        Map<String, Long> positions = new HashMap<>();
        jdbc.query("""
                        select aggregate_identifier, max(global_index) from domain_event_entry
                        where event_identifier = any(?) group by aggregate_identifier""",
                statement -> statement.setArray(1,
                        statement.getConnection().createArrayOf("varchar", eventIdentifiers.toArray())),
                row -> {
                    positions.put(row.getString(1), row.getLong(2));
                });
        return positions;
    }

    /**
     * @param positions the newest position of each aggregate the command changed
     */
    public record Dispatched<R>(R result, Map<String, Long> positions) {

        /** The position of the command's last event. */
        public OptionalLong position() {
            return positions.values().stream().mapToLong(Long::longValue).max();
        }
    }

    private static final class PublishedEventRecorder implements MessageDispatchInterceptor<EventMessage<?>> {

        @Override
        public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
            List<String> sink = PUBLISHED.get();
            if (sink != null) {
                messages.forEach(m -> sink.add(m.getIdentifier()));
            }
            return (index, message) -> message;
        }
    }
}
