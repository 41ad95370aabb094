package io.booking.platform;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How both apps read a request's JSON: each value must have the type the API describes, and no text may hold the NUL
 * character. Jackson's defaults took 2.5 for a capacity (and kept 2), "12" for a capacity, 5 for a title and a number
 * for an instant; a NUL, which PostgreSQL cannot store in text, was accepted by the command side and then stopped every
 * projection that copied it. Each is now a 400 naming the field. Only the HTTP converter is strict: Axon's serializer
 * shares the application's mapper and reads stored events as they were written.
 */
public final class StrictJson {

    private static final int MAX_FIELD_NAME = 120;

    private StrictJson() {}

    public static MappingJackson2HttpMessageConverter converter(ObjectMapper applicationMapper) {
        ObjectMapper strict = applicationMapper.copy().disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        // a key given twice is refused where it is read; Jackson let the last win, or failed building a record (500)
        strict.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        strict.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        strict.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        // an amount is described as a decimal string (Money); a number is taken too
        strict.coercionConfigFor(BigDecimal.class).setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
        strict.registerModule(Money.asText());
        strict.registerModule(new SimpleModule("strict-json")
                .addDeserializer(String.class, new NulFreeString())
                .addKeyDeserializer(String.class, new NulFreeKey())
                .setDeserializerModifier(new TimesAsText()));
        return new MappingJackson2HttpMessageConverter(strict);
    }

    /**
     * The path of the field whose value could not be read (e.g. {@code tickets[0].attendeeName}), cut short: a map's
     * keys are the client's, and an answer need not echo 50,000 characters. Empty when the body is no JSON at all.
     */
    public static Optional<String> fieldOf(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof JsonMappingException mapping
                && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
            return Optional.of(shortened(field));
        }
        if (e.getCause() instanceof JsonParseException parse
                && parse.getProcessor() != null
                && parse.getOriginalMessage().startsWith("Duplicate field")) {
            return Optional.of(shortened(pathOf(parse.getProcessor().getParsingContext())));
        }
        return Optional.empty();
    }

    /** Where the parser stands, as the API names fields: {@code tickets[0].attendeeName}. */
    private static String pathOf(JsonStreamContext context) {
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            path.insert(0, at.inArray() ? "[" + at.getCurrentIndex() + "]" : "." + at.getCurrentName());
        }
        return path.charAt(0) == '.' ? path.substring(1) : path.toString();
    }

    public static String shortened(String field) {
        return field.length() <= MAX_FIELD_NAME ? field : field.substring(0, MAX_FIELD_NAME) + "...";
    }

    /** Whether a text holds the character PostgreSQL cannot store. */
    public static boolean holdsNul(String text) {
        return text != null && text.indexOf('\u0000') >= 0;
    }

    private static final class NulFreeString extends StdScalarDeserializer<String> {

        NulFreeString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (holdsNul(text)) {
                throw InvalidFormatException.from(
                        parser, "text must not contain the NUL character", null, String.class);
            }
            return text;
        }
    }

    private static final class NulFreeKey extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            if (holdsNul(key)) {
                throw InvalidFormatException.from(
                        context.getParser(), "a key must not contain the NUL character", null, String.class);
            }
            return key;
        }
    }

    /** An instant, a date or a duration is written as ISO-8601 text, not as a number of seconds. */
    private static final class TimesAsText extends BeanDeserializerModifier {

        @Override
        public JsonDeserializer<?> modifyDeserializer(
                DeserializationConfig config, BeanDescription description, JsonDeserializer<?> deserializer) {
            return description.getBeanClass().getPackageName().equals("java.time")
                    ? new TextOnly(deserializer)
                    : deserializer;
        }
    }

    private static final class TextOnly extends DelegatingDeserializer {

        TextOnly(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new TextOnly(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return context.handleUnexpectedToken(handledType(), parser);
            }
            Object value = super.deserialize(parser, context);
            if (value instanceof Instant instant && !StorableInstants.contains(instant)) {
                throw InvalidFormatException.from(
                        parser, "an instant must lie in the years 1 to 9999", instant, Instant.class);
            }
            return value;
        }
    }
}
