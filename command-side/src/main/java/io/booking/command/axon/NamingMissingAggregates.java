package io.booking.command.axon;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Tells which of a command's ids named nothing when Axon could not load an aggregate: the one Axon names (not found),
 * or, when an aggregate of another kind answered (Axon says only that its events did not make the kind it loads), the
 * one whose aggregate in the store is not of the kind its field names. Asked only on that failure.
 */
@Component
class NamingMissingAggregates implements MessageHandlerInterceptor<CommandMessage<?>> {

    /** Fields whose name does not say the kind of aggregate they hold. */
    private static final Map<String, String> KIND_OF_FIELD = Map.of("customer", "account", "requester", "account");

    private final JdbcTemplate jdbc;

    NamingMissingAggregates(CommandBus commandBus, JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        commandBus.registerHandlerInterceptor(this);
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            return chain.proceed();
        } catch (AggregateNotFoundException notFound) {
            // also a NoSuchAggregate from a command this one sent on: named by this one's field when it holds the id
            String id = String.valueOf(notFound.getAggregateIdentifier());
            Map<String, String> holding =
                    new LinkedHashMap<>(ids(unitOfWork.getMessage().getPayload()));
            holding.values().removeIf(value -> !value.equals(id));
            if (holding.isEmpty()) {
                throw notFound;
            }
            // two fields may hold it (a booking's own id given as the event to move it to): the one it is not of
            String field = holding.size() == 1
                    ? holding.keySet().iterator().next()
                    : fieldOfAnotherKind(holding)
                            .map(Map.Entry::getKey)
                            .orElse(holding.keySet().iterator().next());
            throw new NoSuchAggregate(id, field);
        } catch (IncompatibleAggregateException otherKind) {
            Map.Entry<String, String> field = fieldOfAnotherKind(
                            ids(unitOfWork.getMessage().getPayload()))
                    .orElseThrow(() -> otherKind);
            throw new NoSuchAggregate(field.getValue(), field.getKey());
        }
    }

    /**
     * @param ids fields and the ids they hold
     * @return the field whose id belongs to an aggregate of another kind than the field names, with its id
     */
    private Optional<Map.Entry<String, String>> fieldOfAnotherKind(Map<String, String> ids) {
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> kinds = new HashMap<>();
        jdbc.query(
                "select aggregate_identifier, type from domain_event_entry where aggregate_identifier = any(?) "
                        + "and sequence_number = 0",
                ps -> ps.setArray(
                        1, ps.getConnection().createArrayOf("text", ids.values().toArray())),
                rs -> {
                    kinds.put(rs.getString(1), rs.getString(2).toLowerCase(Locale.ROOT));
                });
        return ids.entrySet().stream()
                .filter(field -> kinds.containsKey(field.getValue())
                        && !kinds.get(field.getValue()).endsWith(kindOf(field.getKey())))
                .findFirst();
    }

    /** The last word before "Id": "toOccurrenceId" holds an occurrence, "customerId" an account. */
    private static String kindOf(String field) {
        String name = field.substring(0, field.length() - "Id".length());
        int lastWord = 0;
        for (int i = 0; i < name.length(); i++) {
            if (Character.isUpperCase(name.charAt(i))) {
                lastWord = i;
            }
        }
        String kind = name.substring(lastWord).toLowerCase(Locale.ROOT);
        return KIND_OF_FIELD.getOrDefault(kind, kind);
    }

    /** The command's string fields named "...Id", in declaration order. */
    private static Map<String, String> ids(Object command) {
        Map<String, String> ids = new LinkedHashMap<>();
        collectIds(command, ids);
        return ids;
    }

    /** The string fields named "...Id", also of a record the command wraps (a transfer request's transfer). */
    private static void collectIds(Object command, Map<String, String> ids) {
        if (command == null || !command.getClass().isRecord()) {
            return;
        }
        for (RecordComponent component : command.getClass().getRecordComponents()) {
            try {
                Object value = component.getAccessor().invoke(command);
                if (component.getName().endsWith("Id") && value instanceof String id) {
                    ids.putIfAbsent(component.getName(), id);
                } else if (component.getType().isRecord()) {
                    collectIds(value, ids);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
