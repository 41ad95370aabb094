package io.booking.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Puts the answers every operation can give beside its own in the OpenAPI document: refusals and the token. */
public final class ProblemResponses {

    private static final Map<String, String> MEANINGS = Map.of(
            "400", "invalid input; `errors` names each field or parameter",
            "401", "no valid bearer token",
            "403", "the caller's role may not do this",
            "404", "no such resource (or not the caller's)",
            "409", "a rule refused it (`rule` names which); nothing was stored",
            "413", "the request body is larger than the limit (64 KiB)",
            "422", "the request names something the rule cannot apply to (`rule` names which)",
            "503",
                    "the database is not answering (`rule`: `database-unavailable`), or a query's projections did not "
                            + "reach its consistency token in time; retry after `Retry-After` seconds");

    private ProblemResponses() {}

    /** The name of the one schema every refusal has. */
    static final String PROBLEM = "Problem";

    /** RFC 9457 problem details with this product's extension fields, as one named component. */
    public static OpenApiCustomizer problemSchema() {
        Schema<?> fieldProblem = new ObjectSchema()
                .addProperty(
                        "field", new StringSchema().description("the field or parameter, e.g. ticketTypes[0].name"))
                .addProperty("message", new StringSchema().description("what is wrong with it (never its value)"))
                .required(List.of("field", "message"));
        Schema<?> problem = new ObjectSchema()
                .description("RFC 9457 problem details; `rule` names the rule that refused a command")
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri"))
                .addProperty("rule", new StringSchema().description("e.g. sold-out, not-found, database-unavailable"))
                .addProperty("errors", new ArraySchema().items(fieldProblem).description("each bad field or parameter"))
                .addProperty("seatsLeft", new IntegerSchema().description("sold-out: the seats still on sale"))
                .addProperty("offered", new IntegerSchema().description("the seats an offer holds"))
                .addProperty("seatsTaken", new IntegerSchema().description("below-seats-taken: the seats sold"))
                .addProperty(
                        "seatsHeld", new IntegerSchema().description("below-seats-taken: the seats held by offers"))
                .addProperty("requested", new IntegerSchema().description("below-seats-taken: the capacity asked for"))
                .addProperty("line", new IntegerSchema().description("an order's refused line (from 0)"))
                .addProperty("upcomingBookings", new IntegerSchema().description("upcoming-bookings: how many"))
                .required(List.of("status"));
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSchemas(PROBLEM, problem);
        };
    }

    /** A refusal described by the Problem component; with {@code Retry-After} when the client may retry later. */
    public static ApiResponse refusal(String description, boolean retryAfter) {
        ApiResponse refusal = new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                "application/problem+json",
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
        if (retryAfter) {
            refusal.addHeaderObject(
                    "Retry-After",
                    new Header().schema(new IntegerSchema()).description("seconds to wait before sending it again"));
        }
        return refusal;
    }

    /**
     * The refusals among {@code statuses} an operation can give: 401 and 403 only when it needs a token, 413 only with
     * a body, 400 only with input, 404 only when it names something (a path variable or a body), 409 and 422 only
     * for a change; 503 for any.
     *
     * @param tokenByDefault whether an operation without security requirements of its own needs a token (the
     *     document's default)
     */
    public static OperationCustomizer documenting(boolean tokenByDefault, String... statuses) {
        return (operation, handlerMethod) -> {
            boolean needsToken = operation.getSecurity() == null
                    ? tokenByDefault
                    : !operation.getSecurity().isEmpty();
            boolean hasBody = Arrays.stream(handlerMethod.getMethodParameters())
                    .anyMatch(parameter -> parameter.hasParameterAnnotation(RequestBody.class));
            boolean namesSomething = hasBody
                    || Arrays.stream(handlerMethod.getMethodParameters())
                            .anyMatch(parameter -> parameter.hasParameterAnnotation(PathVariable.class));
            boolean hasInput = namesSomething
                    || (operation.getParameters() != null
                            && !operation.getParameters().isEmpty());
            boolean isChange = !handlerMethod.hasMethodAnnotation(GetMapping.class);
            for (String status : statuses) {
                boolean applies = switch (status) {
                    case "401", "403" -> needsToken;
                    case "413" -> hasBody;
                    case "400" -> hasInput;
                    case "404" -> namesSomething;
                    case "409", "422" -> isChange;
                    default -> true;
                };
                if (applies) {
                    operation.getResponses().putIfAbsent(status, refusal(MEANINGS.get(status), status.equals("503")));
                }
            }
            ApiResponse created = operation.getResponses().get("201");
            if (created != null) {
                created.addHeaderObject(
                        "Location",
                        new Header()
                                .schema(new StringSchema().format("uri"))
                                .description("where the query side answers for what was created (an event, a "
                                        + "booking, an order); read it with the consistency token"));
                created.addHeaderObject(
                        "X-Consistency-Token",
                        new Header()
                                .schema(new IntegerSchema().format("int64"))
                                .description(
                                        "event-store position of this command's last event; pass it to a query to read your write"));
            }
            return operation;
        };
    }
}
