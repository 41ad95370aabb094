package io.booking.query.eventstore;

import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import javax.sql.DataSource;

/**
 * Handles a suspect event (one of a batch that failed, see {@link ProcessorFailures}) on its own: in a savepoint, with
 * what it writes written before the savepoint is released. When that fails, the event's handling alone is rolled back
 * and the failure goes on to the processor's dead-letter queue, which parks the event and the later ones of its
 * sequence; the rest of the batch commits. Outside suspicion a handler's rows wait to be written with the whole batch's,
 * where a failure cannot be told apart from its neighbours'.
 */
@Component
class OneEventAtATime implements HandlerEnhancerDefinition {

    // every event of every processor asks it: looked up once, not on each call
    private final SingletonSupplier<ProcessorFailures> failures;
    private final ObjectProvider<DataSource> dataSource;
    private final ObjectProvider<EntityManager> entityManager;

    // looked up when first needed: handler enhancers are built with Axon's configuration, before most beans
    OneEventAtATime(
            ObjectProvider<ProcessorFailures> failures,
            ObjectProvider<DataSource> dataSource,
            ObjectProvider<EntityManager> entityManager) {
        this.failures = SingletonSupplier.of(failures::getObject);
        this.dataSource = dataSource;
        this.entityManager = entityManager;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        ProcessingGroup group =
                AnnotatedElementUtils.findMergedAnnotation(original.declaringClass(), ProcessingGroup.class);
        if (group == null || !original.canHandleMessageType(EventMessage.class)) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                if (!CurrentUnitOfWork.isStarted()
                        || !failures.obtain().isSuspect(group.value(), (EventMessage<?>) message)) {
                    return super.handle(message, target);
                }
                return alone(CurrentUnitOfWork.get().root(), () -> super.handle(message, target));
            }
        };
    }

    private Object alone(UnitOfWork<?> batch, Handling handling) throws Exception {
        EntityManager entities = entityManager.getObject();
        PendingWrites.writeAll(batch);
        entities.flush();
        Connection connection = DataSourceUtils.getConnection(dataSource.getObject());
        Savepoint savepoint = connection.setSavepoint();
        try {
            Object result = handling.handle();
            PendingWrites.writeAll(batch);
            entities.flush();
            connection.releaseSavepoint(savepoint);
            return result;
        } catch (Exception failure) {
            try {
                connection.rollback(savepoint);
            } catch (SQLException rollbackFailed) {
                failure.addSuppressed(rollbackFailed);
            }
            PendingWrites.dropAll(batch);
            entities.clear(); // what the event changed in loaded entities was rolled back with it
            throw failure;
        }
    }

    @FunctionalInterface
    private interface Handling {
        Object handle() throws Exception;
    }
}
