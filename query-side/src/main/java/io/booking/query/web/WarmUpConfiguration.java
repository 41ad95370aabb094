package io.booking.query.web;

import io.booking.platform.WarmUp;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.UUID;

/**
 * What the query side sends itself before it reports ready ({@link WarmUp}): the public listing, an event that does
 * not exist and a customer's tab without a token, all of them reads.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WarmUp.Settings.class)
class WarmUpConfiguration {

    @Bean
    WarmUp warmUp(WarmUp.Settings settings, ApplicationContext context) {
        return new WarmUp(
                settings,
                context,
                List.of(
                        WarmUp.Request.get("/api/events"),
                        WarmUp.Request.get("/api/events/" + UUID.randomUUID()),
                        WarmUp.Request.get("/api/my/upcoming")));
    }
}
