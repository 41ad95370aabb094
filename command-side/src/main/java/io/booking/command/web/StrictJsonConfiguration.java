package io.booking.command.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

/**
 * A request body must have the JSON types the API describes. Jackson's defaults took 2.5 for a capacity (and kept 2),
 * "12.5" for a price and 5 for a title or a password; each is now a 400 naming the field. Only the HTTP converter is
 * strict: Axon's serializer shares the application's mapper and reads stored events as they were written.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

    @Bean
    MappingJackson2HttpMessageConverter strictJsonConverter(ObjectMapper applicationMapper) {
        ObjectMapper strict = applicationMapper.copy()
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        strict.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        strict.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return new MappingJackson2HttpMessageConverter(strict);
    }
}
