package io.booking.command.axon;

import io.booking.platform.EventStoreTables;
import io.booking.platform.PacedEventStorageEngine;
import io.booking.platform.ProcessorTokenStores;
import io.booking.shared.booking.CancellationReasonUpcaster;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Axon's JDBC storage engine on the tables of migration V1 (snake_case, schema {@code command}). */
@Configuration
public class EventStoreConfiguration {

    @Bean
    public EventSchema eventSchema() {
        return EventStoreTables.events("");
    }

    /**
     * PostgreSQL reports a duplicate (aggregate, sequence number) as SQL state 23505; Axon's default resolver reads
     * vendor error codes and missed it, so a lost race surfaced as a storage failure instead of a concurrency conflict.
     */
    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver("23505");
    }

    /**
     * Axon's JDBC auto-configuration builds this engine the same way, unpaced. The command side's own processors
     * (event cancellations and endings) follow the store at leisure: they need not read after every booking.
     */
    @Bean
    public EventStorageEngine eventStorageEngine(
            Serializer defaultSerializer,
            PersistenceExceptionResolver persistenceExceptionResolver,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            org.axonframework.config.Configuration configuration,
            ConnectionProvider connectionProvider,
            TransactionManager transactionManager,
            EventSchema eventSchema,
            StoreSettings settings) {
        return PacedEventStorageEngine.of(
                defaultSerializer,
                eventSerializer,
                configuration.upcasterChain(),
                configuration.snapshotFilter(),
                persistenceExceptionResolver,
                connectionProvider,
                transactionManager,
                eventSchema,
                settings.readInterval());
    }

    /**
     * As Axon's auto-configuration builds it, but caching 1,000 of the newest events for the processors that follow
     * the store rather than 10,000: in a rush those stayed in memory for seconds, long enough to be copied by every
     * young collection, whose pauses (up to 200 ms) made the slowest bookings.
     */
    @Qualifier("eventStore")
    @Bean(name = "eventBus")
    public EmbeddedEventStore eventStore(
            EventStorageEngine storageEngine,
            org.axonframework.config.Configuration configuration,
            StoreSettings settings) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .cachedEvents(settings.cachedEvents())
                .build();
    }

    /** Events change shape only through an upcaster: this one lifts cancellations to their revision 2. */
    @Bean
    public CancellationReasonUpcaster cancellationReasonUpcaster() {
        return new CancellationReasonUpcaster();
    }

    @Bean
    public TokenSchema tokenSchema() {
        return EventStoreTables.tokens("token_entry");
    }

    @Bean
    public TokenStore tokenStore(
            ConnectionProvider connectionProvider,
            Serializer serializer,
            TokenSchema tokenSchema,
            TokenStoreProperties tokenStore) {
        return ProcessorTokenStores.jdbc(connectionProvider, serializer, tokenSchema, tokenStore.getClaimTimeout());
    }
}
