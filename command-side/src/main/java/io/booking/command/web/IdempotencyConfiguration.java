package io.booking.command.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.booking.platform.RequestSettings;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Objects;
import java.util.stream.Stream;

/** Every write takes an {@code Idempotency-Key} ({@link IdempotentRequests}), registered after the security chain. */
@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {

    @Bean
    IdempotentRequests idempotentRequests(JdbcTemplate jdbc, ObjectMapper json, RequestSettings requests) {
        return new IdempotentRequests(jdbc, json, requests.maxBodyBytes());
    }

    /** Described on the writes the filter takes it for: the same paths, by the same rule. */
    @Bean
    OpenApiCustomizer idempotencyKeyParameter() {
        return openApi -> openApi.getPaths().forEach((path, item) -> {
            if (!IdempotentRequests.takesKey(path)) {
                return;
            }
            Stream.of(item.getPost(), item.getPut(), item.getPatch(), item.getDelete())
                    .filter(Objects::nonNull)
                    .forEach(write -> write.addParametersItem(new HeaderParameter()
                            .name(IdempotentRequests.HEADER)
                            .required(false)
                            .description("any unique value of yours (a UUID): sent again with the same request, the "
                                    + "first answer comes again instead of a second change; with another request, 422 "
                                    + "idempotency-key-reused; while the first is served, 409 "
                                    + "idempotency-key-in-progress")
                            .schema(new StringSchema().minLength(1).maxLength(255))));
        });
    }
}
