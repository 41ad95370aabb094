package io.booking.query.support;

import io.booking.testsupport.MutableClock;
import io.booking.testsupport.TestDatabase;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Instant;

/**
 * The query side against a real PostgreSQL whose command schema was created by the command side's migration.
 * All subclasses share one application context (and database), so each test uses its own ids.
 */
@SpringBootTest(properties = {"spring.config.name=query-side", "booking.consistency.max-wait=10s"})
@AutoConfigureMockMvc
@Import(QuerySideTest.TestBeans.class)
public abstract class QuerySideTest {

    protected static final Instant NOW = Instant.parse("2030-03-01T09:00:00Z");

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected TestTokens tokens;

    @Autowired
    protected CommandSideEvents store;

    @Autowired
    protected JdbcTemplate jdbc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        CommandSchema.migrate(TestDatabase.register(registry));
    }

    @BeforeEach
    void resetClock() {
        clock.set(NOW);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestBeans {

        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(NOW);
        }

        @Bean
        TestTokens testTokens() {
            return new TestTokens();
        }

        @Bean
        JwtDecoder testJwtDecoder(TestTokens tokens) {
            return tokens.decoder();
        }

        @Bean
        CommandSideEvents commandSideEvents(EventStore eventStore, JdbcTemplate jdbc) {
            return new CommandSideEvents(eventStore, jdbc);
        }
    }
}
