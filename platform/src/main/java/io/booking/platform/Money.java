package io.booking.platform;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.swagger.v3.oas.models.media.StringSchema;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * Amounts in both APIs, imported by each: a decimal string such as {@code "25.00"} (a JSON number becomes a binary
 * float in a browser, where 0.1 + 0.2 is not 0.3), in the currency {@link MoneySettings} names. A request may still
 * send a number; the document describes the string.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MoneySettings.class)
public class Money {

    private static final String DECIMAL = "^-?[0-9]+(\\.[0-9]+)?$";

    public Money() {
        // springdoc's type substitutions are global: the same for both sides' documents
        SpringDocUtils.getConfig()
                .replaceWithSchema(
                        BigDecimal.class,
                        new StringSchema()
                                .format("decimal")
                                .pattern(DECIMAL)
                                .example("25.00")
                                .description("an amount, as a decimal string"));
    }

    /** Writes each {@link BigDecimal} of an answer as its plain decimal text (never {@code 1E+3}). */
    static SimpleModule asText() {
        return new SimpleModule("money-as-text").addSerializer(BigDecimal.class, new DecimalText());
    }

    private static final class DecimalText extends StdSerializer<BigDecimal> {

        DecimalText() {
            super(BigDecimal.class);
        }

        @Override
        public void serialize(BigDecimal amount, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeString(amount.toPlainString());
        }
    }
}
