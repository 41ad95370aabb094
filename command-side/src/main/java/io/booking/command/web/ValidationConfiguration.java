package io.booking.command.web;

import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.lang.annotation.ElementType;

/**
 * Request bodies are records, never JPA entities, so validation need not ask JPA whether each property is loaded:
 * Hibernate Validator does that on every property when JPA is on the classpath, which showed in a profile of the rush.
 */
@Configuration(proxyBeanMethods = false)
class ValidationConfiguration {

    @Bean
    ValidationConfigurationCustomizer everyPropertyIsReachable() {
        return configuration -> configuration.traversableResolver(new TraversableResolver() {
            @Override
            public boolean isReachable(
                    Object bean, Path.Node property, Class<?> rootType, Path path, ElementType type) {
                return true;
            }

            @Override
            public boolean isCascadable(
                    Object bean, Path.Node property, Class<?> rootType, Path path, ElementType type) {
                return true;
            }
        });
    }
}
