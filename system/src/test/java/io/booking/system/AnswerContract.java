package io.booking.system;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Collectors;

/**
 * An answer held against the OpenAPI document of the side that gave it, as a generated client would hold it: its status
 * is described for the operation, its body has every required field, no {@code null} where none is allowed, only listed
 * values of an enum, and the headers the document promises.
 */
final class AnswerContract {

    private final OpenApiInteractionValidator validator;

    private AnswerContract(String document) {
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(document)
                .withLevelResolver(LevelResolver.create()
                        // the requests are the tests' own, some wrong on purpose; only answers are held to the document
                        .withLevel("validation.request", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    /** The document a side serves now at {@code documentUrl}. */
    static AnswerContract of(HttpClient client, String documentUrl) {
        try {
            HttpResponse<String> document = client.send(
                    HttpRequest.newBuilder(URI.create(documentUrl)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (document.statusCode() != 200) {
                throw new IllegalStateException("no OpenAPI document at " + documentUrl + ": " + document.statusCode());
            }
            return new AnswerContract(document.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** @throws AssertionError naming the operation and each way the answer differs from its description */
    void check(HttpRequest request, HttpResponse<String> answer) {
        if (request.uri().getPath().startsWith("/actuator/")) {
            return; // the management endpoints are not part of the API documents
        }
        SimpleResponse.Builder response = SimpleResponse.Builder.status(answer.statusCode());
        answer.headers().map().forEach(response::withHeader);
        if (answer.body() != null && !answer.body().isEmpty()) {
            response.withBody(answer.body());
        }
        ValidationReport report = validator.validateResponse(
                request.uri().getPath(), Request.Method.valueOf(request.method()), response.build());
        if (report.hasErrors()) {
            throw new AssertionError(request.method() + " " + request.uri().getPath() + " answered "
                    + answer.statusCode() + " unlike its description:\n"
                    + report.getMessages().stream()
                            .map(message -> "  " + message.getKey() + ": " + message.getMessage())
                            .collect(Collectors.joining("\n")));
        }
    }
}
