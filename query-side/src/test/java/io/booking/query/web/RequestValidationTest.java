package io.booking.query.web;

import io.booking.query.support.QuerySideTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;

import static io.booking.query.support.CommandSideEvents.newId;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class RequestValidationTest extends QuerySideTest {

    @ParameterizedTest
    @CsvSource({"page, -1", "page, abc", "page, 1000001", "page, 2147483647", "size, 0", "size, 101", "size, 2.5"})
    void aBadPageParameterIsABadRequestNamingIt(String parameter, String value) throws Exception {
        mvc.perform(get("/api/events").param(parameter, value))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(contains(parameter)));
        mvc.perform(get("/api/my/upcoming").param(parameter, value).header("Authorization", tokens.customer(newId())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(contains(parameter)));
    }

    @ParameterizedTest
    @CsvSource({
        "/api/admin/customers/abc/upcoming, customerId",
        "/api/admin/customers/abc/orders, customerId",
        "/api/admin/events/abc/waiting-list, eventId"
    })
    void anIdThatIsNoUuidIsABadRequestNamingIt(String path, String parameter) throws Exception {
        mvc.perform(get(path).header("Authorization", tokens.admin(newId())))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(contains(parameter)));
    }

    /** PostgreSQL cannot compare text holding NUL: a 400, not a failed query. */
    @ParameterizedTest
    @CsvSource({"/api/my/upcoming, q", "/api/events, category", "/api/admin/reports/events, category"})
    void aParameterHoldingTheNulCharacterIsABadRequestNamingIt(String path, String parameter) throws Exception {
        mvc.perform(get(path).param(parameter, "a\u0000b").header("Authorization", tokens.admin(newId())))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(contains(parameter)));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"q\": \"ab\\u0000c\"}|q",
                "{\"q\": 12345}|q",
                "{\"q\": \"  \"}|q",
                "{\"q\": \" a \"}|q",
                "{\"q\": \" a b \"}|q",
                "{\"q\": \"abc\", \"size\": 51}|size",
                "{\"q\": \"abc\", \"page\": -1}|page"
            })
    void aSearchItCannotRunIsABadRequestNamingTheField(String body, String field) throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/admin/search")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body)
                        .header("Authorization", tokens.admin(newId())))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value(field));
    }

    @org.junit.jupiter.api.Test
    void aSearchBodyOverTheLimitIs413() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/admin/search")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"q\": \"" + "a".repeat(70_000) + "\"}")
                        .header("Authorization", tokens.admin(newId())))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @ParameterizedTest
    @CsvSource({"/api/my/upcoming", "/api/my/cancelled", "/api/admin/reports/events"})
    void aRangeEndingBeforeItStartsIsABadRequestNamingTo(String path) throws Exception {
        mvc.perform(get(path)
                        .param("from", "2030-02-01T00:00:00Z")
                        .param("to", "2030-01-01T00:00:00Z")
                        .header("Authorization", tokens.admin(newId())))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(contains("to")));
    }

    /** Instant reaches a billion years; PostgreSQL refused such a bound with a 500. */
    @ParameterizedTest
    @CsvSource({
        "/api/my/upcoming, from, +999999999-12-31T23:59:59Z",
        "/api/admin/reports/events, to, -999999999-01-01T00:00:00Z",
        "/api/admin/reports/timeseries, to, +10000-01-01T00:00:00Z"
    })
    void aBoundPostgresqlCannotStoreIsABadRequestNamingIt(String path, String bound, String instant) throws Exception {
        mvc.perform(get(path).param(bound, instant).header("Authorization", tokens.admin(newId())))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(contains(bound)));
    }
}
