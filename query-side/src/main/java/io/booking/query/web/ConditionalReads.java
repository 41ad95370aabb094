package io.booking.query.web;

import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

import java.util.List;

/**
 * The reads a portal polls (the listing, an event's page, the tabs, a booking's or order's details, the account) answer
 * with an ETag, and 304 without a body to a request whose If-None-Match names it. Spring's ShallowEtagHeaderFilter
 * hashes the answer: the read still runs, the transfer and the client's rendering are what a poll saves.
 */
@Configuration(proxyBeanMethods = false)
class ConditionalReads {

    /** The filter's paths (servlet patterns) and, as the API document writes them, their operations' paths. */
    private static final List<String> PATTERNS = List.of(
            "/api/events", "/api/events/*", "/api/my/*", "/api/bookings/*", "/api/orders/*", "/api/accounts/me");

    /** The servlet patterns above, read as the API document's paths ({eventId} is one segment, as * is). */
    private static final AntPathMatcher PATHS = new AntPathMatcher();

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> etags() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration =
                new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        registration.setUrlPatterns(PATTERNS);
        return registration;
    }

    @Bean
    OpenApiCustomizer etagHeaders() {
        return openApi -> openApi.getPaths().forEach((path, item) -> {
            if (item.getGet() == null || !conditional(path)) {
                return;
            }
            item.getGet()
                    .addParametersItem(new HeaderParameter()
                            .name("If-None-Match")
                            .required(false)
                            .description("the ETag of the answer you hold: 304 without a body while it is current")
                            .schema(new StringSchema()));
            ApiResponse ok = item.getGet().getResponses().get("200");
            if (ok != null) {
                ok.addHeaderObject(
                        "ETag",
                        new Header().description("names this answer's content").schema(new StringSchema()));
            }
            item.getGet()
                    .getResponses()
                    .addApiResponse("304", new ApiResponse().description("not modified since the ETag sent"));
        });
    }

    private static boolean conditional(String path) {
        return PATTERNS.stream().anyMatch(pattern -> PATHS.match(pattern, path));
    }
}
