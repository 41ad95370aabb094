package io.booking.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.http.MediaType;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Requests for every operation of an OpenAPI document, built from its description with values of the wrong type, at
 * the edges and of no sense at all; from a fixed seed, so that a failure repeats.
 */
public final class OpenApiFuzzer {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TEXTS = List.of(
            "",
            " ",
            "x",
            "a".repeat(5_000),
            "\u0000",
            "ü€😀",
            "null",
            "-1",
            "1e309",
            "9223372036854775808",
            "2030-01-01T10:00:00Z",
            "+999999999-12-31T23:59:59Z",
            "00000000-0000-0000-0000-000000000000",
            "'; drop table booking; --",
            "%00",
            "../..",
            "<script>");

    /**
     * @param method        the HTTP method
     * @param uri           the path with its query, encoded
     * @param body          JSON text, or null for none
     * @param authenticated whether to send it with the caller's token (a third go without)
     */
    public record Request(String method, String uri, String body, boolean authenticated) {}

    /** What every answer to a fuzzed request must be: no 5xx, and a refusal as problem+json. */
    public static boolean answeredWell(int status, String contentType) {
        return status < 400
                || status < 500
                        && contentType != null
                        && MediaType.parseMediaType(contentType).isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private final JsonNode document;
    private final Random random;

    public OpenApiFuzzer(JsonNode document, long seed) {
        this.document = document;
        this.random = new Random(seed);
    }

    /** @param skipped paths not to send anything to (an operation that would disturb the other tests) */
    public List<Request> requests(int perOperation, String... skipped) {
        List<Request> requests = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths =
                        document.path("paths").fields();
                paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (List.of(skipped).contains(path.getKey())) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> operations =
                            path.getValue().fields();
                    operations.hasNext(); ) {
                Map.Entry<String, JsonNode> operation = operations.next();
                for (int i = 0; i < perOperation; i++) {
                    requests.add(
                            request(operation.getKey().toUpperCase(), path.getKey(), operation.getValue(), i % 3 != 0));
                }
            }
        }
        return requests;
    }

    private Request request(String method, String template, JsonNode operation, boolean authenticated) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(template);
        Map<String, Object> pathValues = new HashMap<>();
        for (JsonNode parameter : operation.path("parameters")) {
            String name = parameter.path("name").asText();
            String in = parameter.path("in").asText();
            if (in.equals("path")) {
                pathValues.put(name, random.nextBoolean() ? UUID.randomUUID().toString() : pick(TEXTS));
            } else if (in.equals("query") && random.nextBoolean()) {
                uri.queryParam(name, text(parameter.path("schema")));
            }
        }
        String body = null;
        JsonNode schema = operation.at("/requestBody/content/application~1json/schema");
        if (!schema.isMissingNode()) {
            try {
                body = JSON.writeValueAsString(value(schema, 0));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        } else if (method.equals("POST") || method.equals("PUT")) {
            body = random.nextBoolean() ? "{" : "[]";
        }
        return new Request(method, uri.buildAndExpand(pathValues).encode().toUriString(), body, authenticated);
    }

    /** A value for a schema: mostly of its type, now and then of another or at an edge. */
    private JsonNode value(JsonNode schema, int depth) {
        JsonNode resolved = resolve(schema);
        if (depth > 4 || random.nextInt(6) == 0) {
            return junk();
        }
        String type = resolved.path("type").asText(resolved.has("properties") ? "object" : "string");
        switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                resolved.path("properties").fields().forEachRemaining(property -> {
                    if (random.nextInt(8) != 0) {
                        object.set(property.getKey(), value(property.getValue(), depth + 1));
                    }
                });
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                int size = random.nextInt(10) == 0 ? 200 : random.nextInt(3);
                for (int i = 0; i < size; i++) {
                    array.add(value(resolved.path("items"), depth + 1));
                }
                return array;
            }
            case "integer", "number" -> {
                return NODES.numberNode(List.of(0L, 1L, -1L, 2L, 100L, Long.MAX_VALUE, Long.MIN_VALUE)
                        .get(random.nextInt(7)));
            }
            case "boolean" -> {
                return NODES.booleanNode(random.nextBoolean());
            }
            default -> {
                return NODES.textNode(text(resolved));
            }
        }
    }

    private String text(JsonNode schema) {
        JsonNode resolved = resolve(schema);
        if (resolved.has("enum") && random.nextBoolean()) {
            return resolved.path("enum")
                    .get(random.nextInt(resolved.path("enum").size()))
                    .asText();
        }
        return switch (resolved.path("format").asText(random.nextBoolean() ? "" : "none")) {
            case "uuid" -> random.nextBoolean() ? UUID.randomUUID().toString() : pick(TEXTS);
            case "date-time" ->
                random.nextBoolean() ? "2031-0" + (1 + random.nextInt(9)) + "-01T10:00:00Z" : pick(TEXTS);
            case "email" -> random.nextBoolean() ? "fuzz" + random.nextInt(1000) + "@fuzz.test" : pick(TEXTS);
            default -> pick(TEXTS);
        };
    }

    private JsonNode junk() {
        return switch (random.nextInt(8)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.numberNode(2.5);
            case 2 -> NODES.numberNode(new java.math.BigDecimal("1e400"));
            case 3 -> NODES.booleanNode(true);
            case 4 -> NODES.arrayNode().add("x");
            case 5 -> NODES.objectNode().put("\u0000", 1);
            case 6 -> NODES.numberNode(new java.math.BigInteger("123456789012345678901234567890"));
            default -> NODES.textNode(pick(TEXTS));
        };
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode at = schema;
        for (int i = 0; i < 5 && at.has("$ref"); i++) {
            at = document.at(at.path("$ref").asText().substring(1));
        }
        if (at.has("allOf") || at.has("oneOf") || at.has("anyOf")) {
            JsonNode options =
                    at.has("allOf") ? at.path("allOf") : at.has("oneOf") ? at.path("oneOf") : at.path("anyOf");
            return resolve(options.get(0));
        }
        return at;
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
