package io.booking.query.booking;

import io.booking.query.support.QuerySideTest;
import io.booking.shared.occurrence.BookingPolicy;
import io.booking.shared.occurrence.OccurrenceScheduled;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.time.Duration;

import static io.booking.query.support.CommandSideEvents.newId;
import static io.booking.query.support.CommandSideEvents.occurrence;
import static io.booking.query.support.CommandSideEvents.ticketType;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class AccessTest extends QuerySideTest {

    private final String owner = newId();
    private final String reference = "ACC-" + owner.substring(0, 8);
    private long position;

    @BeforeEach
    void aBookingOfOneCustomer() {
        byte[] key = store.newSubject(owner);
        OccurrenceScheduled event = occurrence(
                newId(),
                "Choir",
                NOW.plus(Duration.ofDays(3)),
                NOW.plus(Duration.ofDays(4)),
                new BookingPolicy(true, true, 24),
                ticketType("seat", "Seat", "12.00", 40));
        store.append(event);
        position = store.append(store.booking(owner, key, event, reference, NOW, "Mary Shelley"), 39);
    }

    @Test
    void aCustomerSeesTheirOwnBookingWithAnswers() throws Exception {
        mvc.perform(get("/api/bookings/{reference}", reference)
                        .header("Authorization", tokens.customer(owner))
                        .param("consistencyToken", String.valueOf(position)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.customerId").value(owner))
                .andExpect(jsonPath("$.event.title").value("Choir"))
                .andExpect(jsonPath("$.answers[0].question").value("Dietary needs?"))
                .andExpect(jsonPath("$.answers[0].answer").value("vegetarian"));
    }

    @Test
    void anotherCustomersBookingIsNotFoundButAnAdminSeesIt() throws Exception {
        mvc.perform(get("/api/bookings/{reference}", reference)
                        .header("Authorization", tokens.customer(newId()))
                        .header("X-Consistency-Token", position))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(content().string(not(containsString("Mary"))));

        mvc.perform(get("/api/bookings/{reference}", reference).header("Authorization", tokens.admin(newId())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.customerId").value(owner))
                .andExpect(jsonPath("$.tickets[0].attendeeName").value("Mary Shelley"));

        mvc.perform(get("/api/admin/customers/{customerId}/upcoming", owner)
                        .header("Authorization", tokens.admin(newId())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].reference").value(contains(reference)));
    }

    @Test
    void withoutATokenTheCustomerEndpointsAnswer401() throws Exception {
        mvc.perform(get("/api/my/upcoming"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", containsString("Bearer")))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401));
        mvc.perform(get("/api/bookings/{reference}", reference).header("Authorization", "Bearer not-a-jwt"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aCustomerCannotUseTheAdminEndpoints() throws Exception {
        mvc.perform(get("/api/admin/customers/{customerId}/upcoming", owner)
                        .header("Authorization", tokens.customer(owner)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(403));
    }
}
