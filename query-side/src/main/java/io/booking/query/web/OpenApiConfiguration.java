package io.booking.query.web;

import io.booking.platform.ProblemResponses;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Contact;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Booking query API",
                        version = "1",
                        contact = @Contact(name = "Booking backend"),
                        description =
                                "Read models of the portal. Every query takes the consistency token of the caller's last command "
                                        + "(X-Consistency-Token header or consistencyToken parameter) and answers once it is projected."),
        tags = {
            @Tag(name = "events", description = "The public listing and an event's page"),
            @Tag(
                    name = "bookings",
                    description = "The tabs, a booking's details and audit trail, an event's attendees"),
            @Tag(name = "waiting-list", description = "Waiting list entries and an event's line"),
            @Tag(name = "orders", description = "Orders"),
            @Tag(name = "accounts", description = "The caller's own details"),
            @Tag(name = "admin", description = "Search, reports, rebuilding read models, parked events (admin)")
        })
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
class OpenApiConfiguration {

    @Bean
    OperationCustomizer problemResponses() {
        return ProblemResponses.documenting(false, "400", "401", "403", "404", "503");
    }
}
