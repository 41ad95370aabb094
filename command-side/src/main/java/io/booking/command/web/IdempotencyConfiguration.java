package io.booking.command.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;

import java.util.Arrays;

/** Every write takes an {@code Idempotency-Key} ({@link IdempotentRequests}), registered after the security chain. */
@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {

    @Bean
    IdempotentRequests idempotentRequests(
            JdbcTemplate jdbc, ObjectMapper json, @Value("${booking.max-body-bytes}") long maxBodyBytes) {
        return new IdempotentRequests(jdbc, json, maxBodyBytes);
    }

    @Bean
    OperationCustomizer idempotencyKeyParameter() {
        return (operation, handlerMethod) -> {
            if (!handlerMethod.hasMethodAnnotation(GetMapping.class) && !answersWithSecret(handlerMethod)) {
                operation.addParametersItem(new HeaderParameter()
                        .name(IdempotentRequests.HEADER)
                        .required(false)
                        .description("any unique value of yours (a UUID): sent again with the same request, the first "
                                + "answer comes again instead of a second change; with another request, 422 "
                                + "idempotency-key-reused; while the first is served, 409 idempotency-key-in-progress")
                        .schema(new StringSchema().minLength(1).maxLength(255)));
            }
            return operation;
        };
    }

    /** Logins, guest sessions, password resets, accounts created for others: their answers are not kept. */
    private static boolean answersWithSecret(HandlerMethod handlerMethod) {
        PostMapping post = handlerMethod.getMethodAnnotation(PostMapping.class);
        RequestMapping type = handlerMethod.getBeanType().getAnnotation(RequestMapping.class);
        String prefix = type == null || type.value().length == 0 ? "" : type.value()[0];
        return post != null
                && Arrays.stream(post.value().length == 0 ? new String[] {""} : post.value())
                        .anyMatch(path -> !IdempotentRequests.takesKey(prefix + path));
    }
}
