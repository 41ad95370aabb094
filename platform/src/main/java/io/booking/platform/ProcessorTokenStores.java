package io.booking.platform;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;

/**
 * Axon's JDBC token store as its auto-configuration builds it, but owning claims under a name of its own.
 * <p>
 * Axon's default owner is the JVM's name ({@code pid@host}), so two instances in one JVM (the two-instance tests, a
 * launcher running several) both took every claim as already theirs and processed the same segments at once.
 */
public final class ProcessorTokenStores {

    private ProcessorTokenStores() {}

    public static TokenStore jdbc(
            ConnectionProvider connectionProvider, Serializer serializer, TokenSchema schema, Duration claimTimeout) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .schema(schema)
                .serializer(serializer)
                .claimTimeout(claimTimeout)
                .nodeId(ManagementFactory.getRuntimeMXBean().getName() + "/"
                        + UUID.randomUUID().toString().substring(0, 8))
                .build();
    }
}
