package io.booking.command.web;

import io.booking.platform.ProblemResponses;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Booking command API",
                        version = "1",
                        description =
                                "Commands change state and answer with X-Consistency-Token, the event-store position of "
                                        + "their last event; pass it to the query API to read your own write. Refusals are "
                                        + "application/problem+json naming the field or the rule."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class OpenApiConfiguration {

    @Bean
    OperationCustomizer problemResponses() {
        return ProblemResponses.documenting("400", "401", "403", "404", "409", "413", "422", "503");
    }

    @Bean
    OpenApiCustomizer problemSchema() {
        return ProblemResponses.problemSchema();
    }
}
