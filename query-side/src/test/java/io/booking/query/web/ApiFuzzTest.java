package io.booking.query.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.booking.query.support.QuerySideTest;
import io.booking.testsupport.OpenApiFuzzer;
import io.booking.testsupport.OpenApiRules;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.booking.query.support.CommandSideEvents.newId;
import static org.assertj.core.api.Assertions.assertThat;

/** Every operation of the query side's OpenAPI document, fuzzed: none may answer 5xx, every refusal is a problem. */
class ApiFuzzTest extends QuerySideTest {

    @Autowired
    private ObjectMapper json;

    @Test
    void noOperationAnswers5xxAndEveryRefusalIsAProblem() throws Exception {
        String admin = tokens.admin(newId());
        String document = mvc.perform(MockMvcRequestBuilders.get("/v3/api-docs"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        // a rebuild would still be running in this shared context when ReadModelRebuildTest starts its own
        List<OpenApiFuzzer.Request> requests = new OpenApiFuzzer(json.readTree(document), 20261205)
                .requests(12, "/api/admin/read-models/rebuild", "/api/admin/read-models/rebuild/switch");
        List<String> failures = new ArrayList<>();
        for (OpenApiFuzzer.Request request : requests) {
            MockHttpServletRequestBuilder builder = MockMvcRequestBuilders.request(
                            HttpMethod.valueOf(request.method()), URI.create(request.uri()))
                    // a consistency token would make a query wait for positions no command wrote
                    .header("Prefer", "wait=0");
            if (request.authenticated()) {
                builder.header("Authorization", admin);
            }
            if (request.body() != null) {
                builder.contentType(MediaType.APPLICATION_JSON).content(request.body());
            }
            MockHttpServletResponse answer = mvc.perform(builder).andReturn().getResponse();
            int status = answer.getStatus();
            String type = answer.getContentType();
            if (!OpenApiFuzzer.answeredWell(status, type)) {
                failures.add(request.method() + " " + request.uri() + ": " + status + " " + type);
            }
        }
        assertThat(requests).as("requests sent").hasSizeGreaterThan(100);
        assertThat(failures).isEmpty();
    }

    @Test
    void theDocumentServesAGeneratedClient() throws Exception {
        JsonNode document = json.readTree(mvc.perform(MockMvcRequestBuilders.get("/v3/api-docs"))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(OpenApiRules.violations(
                        document, Set.of("events", "bookings", "waiting-list", "orders", "accounts", "admin")))
                .isEmpty();
        // only what an operation can answer: the public listing no 401 or 403, a read no 409
        assertThat(document.at("/paths/~1api~1events/get/responses/401")).isEmpty();
        assertThat(document.at("/paths/~1api~1my~1upcoming/get/responses/401")).isNotEmpty();
        assertThat(document.at("/paths/~1api~1my~1upcoming/get/responses/409")).isEmpty();
        // the reads a portal polls describe their ETag; a report does not
        assertThat(document.at("/paths/~1api~1events~1{eventId}/get/responses/200/headers/ETag"))
                .isNotEmpty();
        assertThat(document.at("/paths/~1api~1my~1upcoming/get/responses/304")).isNotEmpty();
        assertThat(document.at("/paths/~1api~1admin~1reports~1events/get/responses/200/headers/ETag"))
                .isEmpty();
    }
}
