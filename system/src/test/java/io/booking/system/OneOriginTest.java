package io.booking.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.booking.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Both sides under one origin, as {@code deploy/one-origin.sh} serves them with HAProxy: a portal with one base URL
 * registers, books, reads its Upcoming tab with the consistency token, and an admin searches (the query side's one
 * POST); the token keys and each side's document are there too. Every answer is held to its side's document.
 */
class OneOriginTest {

    @Test
    void aPortalWithOneBaseUrlReachesBothSides() throws Exception {
        assumeTrue(RoutingComponent.installed(), RoutingComponent.MISSING);
        Map<String, String> settings =
                TestSystems.smallPools(TestSystems.settings(TestDatabase.fresh(), "admin@origin.test", "admin-pw-123"));
        try (BookingSystem system = BookingSystem.start(settings);
                RoutingComponent routing = RoutingComponent.inFrontOf(List.of(system))) {
            Api api = routing.api();

            String admin = api.login("admin@origin.test", "admin-pw-123");
            JsonNode event = api.schedule(admin, "Wheel basics", Instant.now().plus(20, ChronoUnit.DAYS));
            api.register("Ada Lovelace", "ada@origin.test", "password-123");
            String customer = api.login("ada@origin.test", "password-123");
            Api.Answer booked = api.book(
                    customer,
                    UUID.randomUUID().toString(),
                    event.get("eventId").asText(),
                    event.at("/ticketTypes/0/ticketTypeId").asText(),
                    "Ada Lovelace");
            assertThat(booked.status()).isEqualTo(201);

            Api.Answer upcoming = api.query("/api/my/upcoming", customer, booked.consistencyToken());
            assertThat(upcoming.status()).isEqualTo(200);
            assertThat(upcoming.body().at("/items/0/reference").asText())
                    .isEqualTo(booked.body().get("reference").asText());

            Api.Answer found =
                    api.search(admin, Map.of("q", booked.body().get("reference").asText()));
            assertThat(found.status()).isEqualTo(200);
            assertThat(found.body().at("/bookings/0/reference").asText())
                    .isEqualTo(booked.body().get("reference").asText());

            assertThat(api.query("/.well-known/jwks.json", null, null)
                            .body()
                            .path("keys")
                            .size())
                    .as("the command side's token keys")
                    .isPositive();
            assertThat(List.of("command", "query"))
                    .allSatisfy(side -> assertThat(api.query("/v3/api-docs/" + side, null, null)
                                    .body()
                                    .at("/info/title")
                                    .asText())
                            .isEqualToIgnoringCase("Booking " + side + " API"));
        }
    }
}
