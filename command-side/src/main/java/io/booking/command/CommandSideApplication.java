package io.booking.command;

import io.booking.platform.ApiDocuments;
import io.booking.platform.CrossOrigin;
import io.booking.platform.DatabaseOutages;
import io.booking.platform.Money;
import io.booking.platform.RequestRules;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

@SpringBootApplication(
        excludeName = {
            // the command side uses Axon's JDBC storage engine; it has no JPA at all
            "org.axonframework.springboot.autoconfig.JpaAutoConfiguration",
            "org.axonframework.springboot.autoconfig.JpaEventStoreAutoConfiguration",
            "org.axonframework.springboot.autoconfig.legacyjpa.JpaJavaxAutoConfiguration",
            "org.axonframework.springboot.autoconfig.legacyjpa.JpaJavaxEventStoreAutoConfiguration"
        })
@ConfigurationPropertiesScan
@Import({RequestRules.class, DatabaseOutages.class, CrossOrigin.class, Money.class, ApiDocuments.class})
public class CommandSideApplication {

    /** Both apps can run in one JVM (end-to-end tests, the launcher), so each reads its own config file. */
    public static SpringApplicationBuilder builder() {
        // no calls home from a booking system: the update check is opt-in
        System.setProperty(
                "axoniq.update-checker.disabled", System.getProperty("axoniq.update-checker.disabled", "true"));
        return new SpringApplicationBuilder(CommandSideApplication.class).properties("spring.config.name=command-side");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
