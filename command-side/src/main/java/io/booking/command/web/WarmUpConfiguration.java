package io.booking.command.web;

import io.booking.command.security.TokenIssuer;
import io.booking.platform.WarmUp;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What the command side sends itself before it reports ready ({@link WarmUp}): bookings of an event that does not
 * exist, as a guest and with a bearer token, which run the whole booking path up to the event's refusal and store
 * nothing (a refused guest leaves no key, link or mail).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WarmUp.Settings.class)
class WarmUpConfiguration {

    @Bean
    WarmUp warmUp(WarmUp.Settings settings, ApplicationContext context, TokenIssuer tokens) {
        String noEvent = UUID.randomUUID().toString();
        String noTicketType = UUID.randomUUID().toString();
        String tickets = "\"tickets\":[{\"attendeeName\":\"Warm-up\",\"child\":false}]";
        Supplier<String> guestSession = () -> tokens.issueGuest(
                        UUID.randomUUID().toString(), UUID.randomUUID().toString(), Duration.ofMinutes(10))
                .accessToken();
        return new WarmUp(
                settings,
                context,
                List.of(
                        WarmUp.Request.post(
                                "/api/guest/bookings",
                                "{\"eventId\":\"" + noEvent + "\",\"ticketTypeId\":\"" + noTicketType + "\","
                                        + "\"contact\":{\"name\":\"Warm-up\",\"email\":\"warm-up@example.invalid\"},"
                                        + tickets + "}"),
                        WarmUp.Request.post(
                                        "/api/bookings",
                                        "{\"eventId\":\"" + noEvent + "\",\"ticketTypeId\":\"" + noTicketType + "\","
                                                + tickets + "}")
                                .withBearer(guestSession)));
    }
}
