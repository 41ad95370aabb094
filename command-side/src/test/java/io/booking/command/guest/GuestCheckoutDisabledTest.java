package io.booking.command.guest;

import io.booking.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** With {@code booking.guest-checkout.enabled=false} nobody books without an account. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=command-side",
            "booking.guest-checkout.enabled=false",
            "spring.datasource.hikari.maximum-pool-size=3"
        })
class GuestCheckoutDisabledTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    TestRestTemplate http;

    @Test
    void aGuestBookingIsRefusedWith404NamingTheSwitch() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> refused = http.exchange(
                "/api/guest/bookings",
                HttpMethod.POST,
                new HttpEntity<>(
                        Map.of(
                                "eventId",
                                UUID.randomUUID(),
                                "ticketTypeId",
                                UUID.randomUUID(),
                                "contact",
                                Map.of("name", "Gale Guest", "email", "gale@guest.example"),
                                "tickets",
                                List.of(Map.of("attendeeName", "Gale Guest"))),
                        headers),
                String.class);

        assertThat(refused.getStatusCode().value()).isEqualTo(404);
        assertThat(refused.getBody()).contains("guest-checkout-disabled");
    }
}
