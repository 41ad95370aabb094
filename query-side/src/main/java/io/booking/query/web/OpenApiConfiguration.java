package io.booking.query.web;

import io.booking.platform.ProblemResponses;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Booking query API",
                        version = "1",
                        description =
                                "Read models of the portal. Every query takes the consistency token of the caller's last command "
                                        + "(X-Consistency-Token header or consistencyToken parameter) and answers once it is projected."))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
class OpenApiConfiguration {

    @Bean
    OperationCustomizer problemResponses() {
        return ProblemResponses.documenting("400", "401", "403", "404", "503");
    }

    @Bean
    OpenApiCustomizer problemSchema() {
        return ProblemResponses.problemSchema();
    }
}
