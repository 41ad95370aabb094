package io.booking.query;

import io.booking.platform.ApiDocuments;
import io.booking.platform.CrossOrigin;
import io.booking.platform.DatabaseOutages;
import io.booking.platform.Money;
import io.booking.platform.RequestRules;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.time.Clock;

@SpringBootApplication
@ConfigurationPropertiesScan
@Import({RequestRules.class, DatabaseOutages.class, CrossOrigin.class, Money.class, ApiDocuments.class})
public class QuerySideApplication {

    public static void main(String[] args) {
        builder().run(args);
    }

    /** Both apps can run in one JVM (end-to-end tests), so each reads its own config file, never application.yml. */
    public static SpringApplicationBuilder builder() {
        // no calls home from a booking system: the update check is opt-in
        System.setProperty(
                "axoniq.update-checker.disabled", System.getProperty("axoniq.update-checker.disabled", "true"));
        return new SpringApplicationBuilder(QuerySideApplication.class).properties("spring.config.name=query-side");
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
