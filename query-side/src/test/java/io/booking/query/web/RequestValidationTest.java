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
    @CsvSource({"/api/admin/customers/abc/upcoming, customerId", "/api/admin/customers/abc/orders, customerId",
            "/api/admin/events/abc/waiting-list, eventId"})
    void anIdThatIsNoUuidIsABadRequestNamingIt(String path, String parameter) throws Exception {
        mvc.perform(get(path).header("Authorization", tokens.admin(newId())))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(contains(parameter)));
    }
}
