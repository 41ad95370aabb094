package io.booking.query.web;

import io.booking.query.support.QuerySideTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The portal's page (another origin) reads the query side from the browser; other origins' pages may not. */
class CrossOriginTest extends QuerySideTest {

    private static final String PORTAL = "http://localhost:3000";

    @Test
    void aPreflightFromThePortalIsAnsweredWithoutAToken() throws Exception {
        mvc.perform(options("/api/my/upcoming")
                        .header("Origin", PORTAL)
                        .header("Access-Control-Request-Method", "GET")
                        .header("Access-Control-Request-Headers", "authorization, x-consistency-token, prefer"))
                .andExpect(status().isOk())
                .andExpect(header().string("Access-Control-Allow-Origin", PORTAL))
                .andExpect(header().string("Access-Control-Allow-Headers", containsString("x-consistency-token")));
    }

    @Test
    void anotherOriginIsRefused() throws Exception {
        mvc.perform(options("/api/my/upcoming")
                        .header("Origin", "https://evil.example")
                        .header("Access-Control-Request-Method", "GET"))
                .andExpect(status().isForbidden())
                .andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
    }

    @Test
    void theHeadersAClientNeedsAreReadable() throws Exception {
        mvc.perform(get("/api/events").header("Origin", PORTAL))
                .andExpect(status().isOk())
                .andExpect(header().string("Access-Control-Allow-Origin", PORTAL))
                .andExpect(header().string("Access-Control-Expose-Headers", containsString("X-Consistency-Token")));
    }
}
