package io.booking.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What both OpenAPI documents describe alike, imported by each app: the one {@code Problem} component every refusal
 * answers with, and answer schemas true to the answers ({@link AnswerSchemas}). Each app lists its own refusals.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocuments {

    @Bean
    OpenApiCustomizer problemSchema() {
        return ProblemResponses.problemSchema();
    }

    @Bean
    AnswerSchemas answerSchemas(ObjectMapper answers) {
        return new AnswerSchemas(answers);
    }
}
