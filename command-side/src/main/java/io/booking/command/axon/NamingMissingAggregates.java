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
            Optional<String> field = fieldHolding(unitOfWork.getMessage().getPayload(), id);
            if (field.isEmpty()) {
                throw notFound;
            }
            throw new NoSuchAggregate(id, field.get());
        } catch (IncompatibleAggregateException otherKind) {
            Map.Entry<String, String> field =
                    fieldOfAnotherKind(unitOfWork.getMessage().getPayload()).orElseThrow(() -> otherKind);
            throw new NoSuchAggregate(field.getValue(), field.getKey());
        }
    }

    private static Optional<String> fieldHolding(Object command, String id) {
        return ids(command).entrySet().stream()
                .filter(field -> field.getValue().equals(id))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /** @return the field and its id */
    private Optional<Map.Entry<String, String>> fieldOfAnotherKind(Object command) {
        Map<String, String> ids = ids(command);
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
        if (command.getClass().isRecord()) {
            for (RecordComponent component : command.getClass().getRecordComponents()) {
                if (component.getName().endsWith("Id") && component.getType() == String.class) {
                    try {
                        Object value = component.getAccessor().invoke(command);
                        if (value != null) {
                            ids.put(component.getName(), (String) value);
                        }
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return ids;
    }
}
