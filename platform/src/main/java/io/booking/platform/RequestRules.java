package io.booking.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * What both apps accept of a request, imported by each: a body of at most {@link RequestSettings#maxBodyBytes()}
 * ({@link BodySizeLimitFilter}), JSON of the described types without NUL ({@link StrictJson}), parameters without NUL
 * ({@link NulParameterFilter}), a body of a named type ({@link WildcardContentTypeFilter}); and what is refused
 * before any controller is problem+json too ({@link ProblemErrorController}, the firewall's refusals, and
 * {@link ProblemErrorReportValve} for what Tomcat refuses itself).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestSettings.class)
public class RequestRules {

    @Bean
    MappingJackson2HttpMessageConverter strictJsonConverter(ObjectMapper applicationMapper) {
        return StrictJson.converter(applicationMapper);
    }

    @Bean
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    @Bean
    NulParameterFilter nulParameterFilter(ObjectMapper applicationMapper) {
        return new NulParameterFilter(applicationMapper);
    }

    /**
     * Tomcat's own error page is replaced in the host's pipeline, also the one Spring Boot configures; ordered last,
     * so that this customizer's context customizer runs after Boot's.
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            Pipeline host = context.getParent().getPipeline();
            for (Valve valve : host.getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.removeValve(valve);
                }
            }
            ((StandardHost) context.getParent()).setErrorReportValveClass(ProblemErrorReportValve.class.getName());
        });
    }

    /**
     * A path Spring Security's firewall refuses (an empty segment, "..", ";", an encoded NUL) is a problem at once,
     * rather than a bare 400 left for the container's error page to dress.
     */
    @Bean
    RequestRejectedHandler problemForRejectedRequests(ObjectMapper applicationMapper) {
        return (request, response, rejected) -> ServletProblems.write(
                response,
                applicationMapper,
                ProblemDetail.forStatusAndDetail(
                        HttpStatus.BAD_REQUEST, "The request was refused: its path is not one this API answers."));
    }

    @Bean
    WildcardContentTypeFilter wildcardContentTypeFilter(ObjectMapper applicationMapper) {
        return new WildcardContentTypeFilter(applicationMapper);
    }

    /** Requests are small; a huge body is refused before anything parses it. */
    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(
            RequestSettings settings, ObjectMapper applicationMapper) {
        FilterRegistrationBean<BodySizeLimitFilter> registration =
                new FilterRegistrationBean<>(new BodySizeLimitFilter(settings.maxBodyBytes(), applicationMapper));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
