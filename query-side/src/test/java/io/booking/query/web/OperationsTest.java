package io.booking.query.web;

import io.booking.query.support.QuerySideTest;
import org.junit.jupiter.api.Test;

import static io.booking.query.support.CommandSideEvents.newId;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class OperationsTest extends QuerySideTest {

    @Test
    void healthReportsTheDatabaseAndTheRunningEventProcessorsTheirDetailsToAdminsOnly() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components.eventProcessors.status").value("UP"))
                .andExpect(jsonPath("$.components.eventProcessors.details").doesNotExist())
                .andExpect(jsonPath("$.components.diskSpace.details").doesNotExist());
        mvc.perform(get("/actuator/health").header("Authorization", tokens.admin(newId())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components.db.status").value("UP"))
                .andExpect(jsonPath("$.components.eventProcessors.status").value("UP"))
                .andExpect(jsonPath("$.components.eventProcessors.details.bookings.running")
                        .value(true))
                .andExpect(jsonPath("$.components.eventProcessors.details.events.running")
                        .value(true));
    }

    @Test
    void processorLagIsAMetricForAdminsOnly() throws Exception {
        long position = store.append(io.booking.query.support.CommandSideEvents.occurrence(
                newId(),
                "Lagging",
                NOW.plusSeconds(86_400),
                NOW.plusSeconds(90_000),
                new io.booking.shared.occurrence.BookingPolicy(true, true, 1),
                io.booking.query.support.CommandSideEvents.ticketType("t", "Standard", "1.00", 1)));
        mvc.perform(get("/api/events").header("X-Consistency-Token", position)).andExpect(status().isOk());

        mvc.perform(get("/actuator/metrics/booking.processor.lag")
                        .param("tag", "processor:events")
                        .header("Authorization", tokens.admin(newId())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.measurements[0].value").value(0.0));
        mvc.perform(get("/actuator/metrics/booking.processor.lag").header("Authorization", tokens.customer(newId())))
                .andExpect(status().isForbidden());
    }

    @Test
    void theApiDescriptionIsPublicAndListsTheQueries() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/events'].get").exists())
                .andExpect(jsonPath("$.paths['/api/my/upcoming'].get").exists())
                .andExpect(jsonPath("$.paths['/api/bookings/{reference}'].get").exists())
                .andExpect(jsonPath("$.paths['/api/admin/customers/{customerId}/upcoming'].get")
                        .exists())
                .andExpect(
                        jsonPath("$.paths['/api/admin/bookings/{reference}/history'].get.parameters[?(@.name == 'at')]")
                                .exists())
                .andExpect(jsonPath("$.components.schemas.Change.properties.details.type")
                        .value("object"))
                // nested answers of the same simple name are described each by its own schema
                .andExpect(jsonPath("$.components.schemas.ListedTicketType.properties.seatsLeft")
                        .exists())
                .andExpect(jsonPath("$.components.schemas.BookedTicketType.properties.price")
                        .exists())
                .andExpect(jsonPath("$.components.schemas.WaitingListActions.properties.accept")
                        .exists())
                .andExpect(jsonPath("$.paths['/api/events'].get.responses['200'].content['application/json']")
                        .exists())
                .andExpect(jsonPath("$.paths['/error']").doesNotExist())
                .andExpect(jsonPath("$.components.schemas.FoundBooking.properties.customerDeleted")
                        .exists())
                .andExpect(jsonPath("$.components.schemas.OrderView.properties.bookings.items['$ref']")
                        .value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.endsWith("/FoundBooking"))));
    }
}
