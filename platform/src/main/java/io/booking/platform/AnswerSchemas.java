package io.booking.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import jakarta.annotation.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;

import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Answer schemas as Jackson writes the answers, so a generated client's types hold: a record component marked
 * {@link Nullable} is {@code nullable}, and every field of a record an operation answers with is {@code required}
 * (where the side omits nulls, a nullable field is absent rather than null, so it is left out of {@code required}).
 * Every id is a UUID: a text component named {@code ...Id} is {@code format: uuid}, unless its own {@code @Schema}
 * describes it.
 */
public final class AnswerSchemas implements ModelConverter, OpenApiCustomizer {

    private static final String REFS = "#/components/schemas/";

    // Static and keyed by the schema object: swagger's converter chain is global, and springdoc keeps one converter per
    // class in it, so in one JVM both sides' documents are resolved by whichever side registered last; their records
    // may share a simple name.
    private static final Map<Schema<?>, Class<?>> records = Collections.synchronizedMap(new IdentityHashMap<>());
    private final boolean nullsWritten;

    public AnswerSchemas(ObjectMapper answers) {
        JsonInclude.Include inclusion =
                answers.getSerializationConfig().getDefaultPropertyInclusion().getValueInclusion();
        this.nullsWritten = inclusion == JsonInclude.Include.ALWAYS || inclusion == JsonInclude.Include.USE_DEFAULTS;
    }

    @Override
    public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        Schema<?> schema = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
        if (schema == null || !raw.isRecord()) {
            return schema;
        }
        Schema<?> model = schema.get$ref() == null
                ? schema
                : context.getDefinedModels().get(schema.get$ref().substring(REFS.length()));
        if (model == null || model.getProperties() == null) {
            return schema;
        }
        records.put(model, raw);
        for (RecordComponent component : raw.getRecordComponents()) {
            Schema<?> property = model.getProperties().get(component.getName());
            if (property == null) {
                continue;
            }
            if (component.getType() == String.class
                    && component.getName().endsWith("Id")
                    && !component.getAccessor().isAnnotationPresent(io.swagger.v3.oas.annotations.media.Schema.class)) {
                property.setFormat("uuid");
            }
            if (component.isAnnotationPresent(Nullable.class)) {
                model.getProperties().put(component.getName(), nullable(property));
            }
        }
        return schema;
    }

    /** OpenAPI 3.0 ignores keywords beside a {@code $ref}: a nullable reference is an {@code allOf} of one. */
    private static Schema<?> nullable(Schema<?> property) {
        if (property.get$ref() == null) {
            return property.nullable(true);
        }
        return new ComposedSchema()
                .addAllOfItem(new Schema<>().$ref(property.get$ref()))
                .nullable(true);
    }

    @Override
    public void customise(OpenAPI api) {
        if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
            return;
        }
        for (Schema<?> answer : answers(api)) {
            Class<?> record = records.get(answer);
            if (record == null) {
                continue;
            }
            List<String> required = Arrays.stream(record.getRecordComponents())
                    .filter(component -> answer.getProperties().containsKey(component.getName()))
                    .filter(component -> nullsWritten || !component.isAnnotationPresent(Nullable.class))
                    .map(RecordComponent::getName)
                    .toList();
            answer.setRequired(required.isEmpty() ? null : required);
        }
    }

    /** Every component schema an answer's body can reach. */
    private static Set<Schema<?>> answers(OpenAPI api) {
        Map<String, Schema> components = api.getComponents().getSchemas();
        Deque<Schema<?>> next = new ArrayDeque<>();
        if (api.getPaths() != null) {
            api.getPaths()
                    .values()
                    .forEach(path -> path.readOperations().forEach(operation -> {
                        if (operation.getResponses() != null) {
                            operation.getResponses().values().forEach(response -> bodies(response.getContent(), next));
                        }
                    }));
        }
        Set<Schema<?>> reached = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!next.isEmpty()) {
            Schema<?> schema = next.pop();
            if (schema.get$ref() != null) {
                String name = schema.get$ref().substring(REFS.length());
                Schema<?> component = components.get(name);
                if (component != null && reached.add(component)) {
                    next.push(component);
                }
                continue;
            }
            if (schema.getProperties() != null) {
                schema.getProperties().values().forEach(next::push);
            }
            if (schema.getItems() != null) {
                next.push(schema.getItems());
            }
            if (schema.getAdditionalProperties() instanceof Schema<?> values) {
                next.push(values);
            }
            for (List<Schema> parts : Arrays.asList(schema.getAllOf(), schema.getOneOf(), schema.getAnyOf())) {
                if (parts != null) {
                    parts.forEach(next::push);
                }
            }
        }
        return reached;
    }

    private static void bodies(Content content, Deque<Schema<?>> next) {
        if (content != null) {
            content.values().stream()
                    .filter(media -> media.getSchema() != null)
                    .forEach(media -> next.push(media.getSchema()));
        }
    }
}
