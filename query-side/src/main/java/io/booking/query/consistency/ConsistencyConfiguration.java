package io.booking.query.consistency;

import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.math.BigDecimal;

@Configuration(proxyBeanMethods = false)
class ConsistencyConfiguration implements WebMvcConfigurer {

    private final ConsistencyGate gate;

    ConsistencyConfiguration(ConsistencyGate gate) {
        this.gate = gate;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(gate).addPathPatterns("/api/**");
    }

    /** The gate reads the token outside the controllers' signatures, so the API description adds it to each query. */
    @Bean
    OperationCustomizer consistencyTokenParameters() {
        String description =
                "event store position of your last command; the answer waits until the read models it reads reached it "
                        + "(503 with Retry-After once booking.consistency.max-wait, or the shorter `Prefer: wait=<seconds>` you send, ran out; "
                        + "400 for a position beyond the newest event)";
        return (operation, handlerMethod) -> operation
                .addParametersItem(new HeaderParameter()
                        .name(ConsistencyGate.HEADER)
                        .required(false)
                        .description(description)
                        .schema(positionSchema()))
                .addParametersItem(new QueryParameter()
                        .name(ConsistencyGate.PARAMETER)
                        .required(false)
                        .description(description)
                        .schema(positionSchema()))
                .addParametersItem(new HeaderParameter()
                        .name("Prefer")
                        .required(false)
                        .description("`wait=<seconds>` (RFC 7240): wait at most this long for the consistency token")
                        .schema(new StringSchema().pattern("^wait=[0-9]+$")));
    }

    private static IntegerSchema positionSchema() {
        IntegerSchema schema = new IntegerSchema();
        schema.format("int64").minimum(BigDecimal.ZERO);
        return schema;
    }
}
