package io.booking.query.eventstore;

import io.booking.platform.DatabaseOutages;
import io.booking.platform.DatabaseUnavailable;
import io.booking.platform.EventStoreTables;
import io.booking.platform.HealthSettings;
import io.booking.platform.PacedEventStorageEngine;
import io.booking.platform.ProcessorTokenStores;
import io.booking.platform.TimeLimitedHealth;
import io.booking.shared.booking.CancellationReasonUpcaster;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.TimeUnit;

/**
 * The query side follows the command side's event store ({@code command.domain_event_entry}, read only) and keeps
 * its processors' tokens with the read models ({@code query.token_entry}).
 */
@Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {

    @Bean
    EventSchema eventSchema() {
        return EventStoreTables.events("command");
    }

    /** Events change shape only through an upcaster: this one lifts cancellations to their revision 2. */
    @Bean
    CancellationReasonUpcaster cancellationReasonUpcaster() {
        return new CancellationReasonUpcaster();
    }

    /** In the read models' schema: a new generation of them comes with its own tokens. */
    @Bean
    TokenSchema tokenSchema(ReadModelSettings readModels) {
        return EventStoreTables.tokens(readModels.schema() + ".token_entry");
    }

    @Bean
    TokenStore tokenStore(
            ConnectionProvider connectionProvider,
            Serializer serializer,
            TokenSchema tokenSchema,
            TokenStoreProperties tokenStore) {
        return ProcessorTokenStores.jdbc(connectionProvider, serializer, tokenSchema, tokenStore.getClaimTimeout());
    }

    /*
     * Axon's JdbcAutoConfiguration only builds the storage engine while no EventBus bean exists, and we declare the
     * event store ourselves (below), so the engine is declared here too, the way that auto-configuration builds it,
     * paced: under load one read every few milliseconds fetches what arrived meanwhile, instead of one per booking.
     */
    @Bean
    EventStorageEngine eventStorageEngine(
            Serializer defaultSerializer,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            org.axonframework.config.Configuration configuration,
            ConnectionProvider connectionProvider,
            TransactionManager transactionManager,
            EventSchema eventSchema,
            StoreSettings store) {
        return PacedEventStorageEngine.of(
                defaultSerializer,
                eventSerializer,
                configuration.upcasterChain(),
                configuration.snapshotFilter(),
                new JdbcSQLErrorCodesResolver(),
                connectionProvider,
                transactionManager,
                eventSchema,
                store.readInterval(),
                store.batchSize());
    }

    /*
     * Events are appended by another JVM, so nothing wakes the store's reader up: it polls. Axon's default of 1 s
     * would make read-your-writes (the consistency token) slow; a short delay costs one cheap query per delay.
     * It caches 1,000 of the newest events for the processors rather than Axon's 10,000: in a rush those stayed in
     * memory long enough to be copied by every young collection, whose pauses made the slowest bookings.
     */
    @Bean(name = "eventBus")
    EmbeddedEventStore eventStore(
            EventStorageEngine storageEngine,
            org.axonframework.config.Configuration configuration,
            StoreSettings store) {
        return EmbeddedEventStore.builder()
                .cachedEvents(store.cachedEvents())
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(
                        org.axonframework.eventsourcing.eventstore.EventStore.class, "eventStore"))
                .fetchDelay(store.fetchDelay().toMillis())
                .timeUnit(TimeUnit.MILLISECONDS)
                .build();
    }

    @Bean
    ArrivalNotifyingEventSource processorEventSource(EmbeddedEventStore eventStore) {
        return new ArrivalNotifyingEventSource(eventStore);
    }

    /**
     * Every pooled processor (those named in query-side.yml and any added later) reads through the notifying source.
     * The source is looked up when a processor is built: the event store itself depends on Axon's configuration.
     * <p>
     * A segment writes its token when it commits a batch, but past events its processor does not handle (a waiting
     * list ignores bookings) only when it renews its claim: 5 s by Axon's default. Another instance's query side judges
     * the segment by that stored token, so its read-your-writes queries waited up to that long; renewing the claim
     * every {@code claim-extension} bounds the wait, for a small update per segment per interval.
     */
    @Bean
    ConfigurerModule pooledProcessorsReadThroughNotifyingSource(
            ObjectProvider<ArrivalNotifyingEventSource> source, StoreSettings store) {
        return configurer ->
                configurer.eventProcessing(processing -> processing.registerPooledStreamingEventProcessorConfiguration(
                        (config, builder) -> builder.messageSource(source.getObject())
                                .claimExtensionThreshold(store.claimExtension().toMillis())));
    }

    /** Within the health budget: the parked events are counted in the database, which may be away. */
    @Bean
    HealthIndicator eventProcessors(
            EventProcessingConfiguration processing,
            ProcessorFailures failures,
            DatabaseOutages.HealthConnections connections,
            DeadLetterSchema deadLetters,
            HealthSettings health) {
        return new TimeLimitedHealth(
                "eventProcessors",
                new EventProcessorsHealthIndicator(
                        processing, failures, connections.dataSource(), deadLetters.deadLetterTable()),
                health.budget());
    }

    /** Axon's dead-letter queue of each processor (query-side.yml enables it), in the read models' schema. */
    @Bean
    DeadLetterSchema deadLetterSchema(ReadModelSettings readModels) {
        return DeadLetterSchema.builder()
                .deadLetterTable(readModels.schema() + ".dead_letter_entry")
                .deadLetterIdentifierColumn("dead_letter_id")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("aggregate_type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }

    /**
     * A handler that fails fails its whole batch: rolled back, token included, and tried again, its events then one at
     * a time ({@link OneEventAtATime}). The event that still fails is parked in the processor's dead-letter queue with
     * the later events of its sequence, unless the database was away: then the batch is simply tried again. Axon's
     * default would log the failure and go on, leaving that event out of the read model for good.
     */
    @Bean
    ConfigurerModule failedHandlersRetryTheirBatch(ProcessorFailures failures) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance())
                .registerDefaultErrorHandler(config -> failures)
                .registerDefaultHandlerInterceptor((config, processor) -> failures.clearingSuspects(processor))
                .registerDefaultDeadLetterPolicy(config -> (letter, cause) -> {
                    if (DatabaseUnavailable.causes(cause)) {
                        throw cause instanceof RuntimeException unchecked
                                ? unchecked
                                : new IllegalStateException(cause);
                    }
                    return Decisions.enqueue(new ProjectionFailure(cause));
                }));
    }
}
