package io.booking.testsupport;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a generated client needs of an OpenAPI document: an explicit, unique operationId per operation (no generator's
 * {@code book_1}), one tag per operation from the API's resources, its success answer described, and every refusal
 * described by the one {@code Problem} component rather than a schema per operation.
 */
public final class OpenApiRules {

    private OpenApiRules() {}

    /** @return each rule the document breaks, empty when none */
    public static List<String> violations(JsonNode document, Set<String> tags) {
        List<String> violations = new ArrayList<>();
        Set<String> operationIds = new HashSet<>();
        if (document.at("/components/schemas/Problem").isMissingNode()) {
            violations.add("no Problem schema among the components");
        }
        for (Iterator<Map.Entry<String, JsonNode>> paths =
                        document.path("paths").fields();
                paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> operations =
                            path.getValue().fields();
                    operations.hasNext(); ) {
                Map.Entry<String, JsonNode> operation = operations.next();
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                String id = operation.getValue().path("operationId").asText("");
                if (id.isEmpty() || id.matches(".*_\\d+$")) {
                    violations.add(name + ": operationId '" + id + "' is not one of its own");
                } else if (!operationIds.add(id)) {
                    violations.add(name + ": operationId '" + id + "' is used twice");
                }
                JsonNode operationTags = operation.getValue().path("tags");
                if (operationTags.size() != 1
                        || !tags.contains(operationTags.get(0).asText())) {
                    violations.add(name + ": tags " + operationTags + " are not one of " + tags);
                }
                boolean answers = false;
                for (Iterator<String> codes =
                                operation.getValue().path("responses").fieldNames();
                        codes.hasNext(); ) {
                    String code = codes.next();
                    answers |= code.startsWith("2") || code.equals("304");
                }
                if (!answers) {
                    violations.add(name + ": no success answer described");
                }
                for (Iterator<Map.Entry<String, JsonNode>> responses =
                                operation.getValue().path("responses").fields();
                        responses.hasNext(); ) {
                    Map.Entry<String, JsonNode> response = responses.next();
                    if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                        String schema = response.getValue()
                                .at("/content/application~1problem+json/schema/$ref")
                                .asText("");
                        if (!schema.equals("#/components/schemas/Problem")) {
                            violations.add(name + " " + response.getKey() + ": not described as a Problem");
                        }
                    }
                }
            }
        }
        if (operationIds.isEmpty()) {
            violations.add("no operations");
        }
        return violations;
    }
}
