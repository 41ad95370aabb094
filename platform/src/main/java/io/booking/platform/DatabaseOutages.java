package io.booking.platform;

import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.jdbc.DataSourceHealthIndicator;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.Objects;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * What both apps do while the database is away, imported by each: requests wait for a connection at most the pool's
 * {@code connection-timeout} and are then answered 503 with {@code Retry-After} ({@link DatabaseUnavailable}), and
 * health answers within {@code booking.health.budget} per check.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HealthSettings.class)
public class DatabaseOutages {

    /**
     * Connections of the health checks' own, opened per check rather than waited for in the pool: in a rush every
     * pooled connection is busy, and the database is up all the same. Not a DataSource bean: the app's pool is the
     * one Spring Boot builds.
     */
    public record HealthConnections(DataSource dataSource) {}

    @Bean
    HealthConnections healthConnections(DataSourceProperties database) {
        DriverManagerDataSource probe = new DriverManagerDataSource(database.getUrl());
        Properties connection = new Properties();
        connection.setProperty("user", Objects.toString(database.getUsername(), ""));
        connection.setProperty("password", Objects.toString(database.getPassword(), ""));
        connection.setProperty("connectTimeout", "1"); // seconds, for a host that does not answer at all
        connection.setProperty("socketTimeout", "1");
        connection.setProperty("ApplicationName", "health");
        probe.setConnectionProperties(connection);
        return new HealthConnections(probe);
    }

    /** Named as Spring Boot's own, which it then leaves out. */
    @Bean
    HealthIndicator dbHealthIndicator(HealthConnections connections, HealthSettings health) {
        return new TimeLimitedHealth("db", new DataSourceHealthIndicator(connections.dataSource()), health.budget());
    }
}
