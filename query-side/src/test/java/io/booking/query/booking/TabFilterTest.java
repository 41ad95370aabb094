package io.booking.query.booking;

import io.booking.query.support.QuerySideTest;
import io.booking.shared.occurrence.BookingPolicy;
import io.booking.shared.occurrence.OccurrenceScheduled;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.booking.query.support.CommandSideEvents.newId;
import static io.booking.query.support.CommandSideEvents.occurrence;
import static io.booking.query.support.CommandSideEvents.ticketType;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class TabFilterTest extends QuerySideTest {

    @Test
    void aTabIsNarrowedByTitleLocationReferenceAttendeeAndStartDate() throws Exception {
        String customer = newId();
        byte[] key = store.newSubject(customer);
        OccurrenceScheduled pottery = occurrence(newId(), "Evening Pottery", NOW.plus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(1)).plus(Duration.ofHours(2)), new BookingPolicy(true, true, 1),
                ticketType("std", "Standard", "20.00", 10));
        OccurrenceScheduled yoga = occurrence(newId(), "Sunrise Yoga", NOW.plus(Duration.ofDays(10)),
                NOW.plus(Duration.ofDays(10)).plus(Duration.ofHours(1)), new BookingPolicy(true, true, 1),
                ticketType("std", "Standard", "10.00", 10));
        store.append(pottery);
        store.append(yoga);
        store.append(store.booking(customer, key, pottery, "FLT-POTS", NOW, "Ada Lovelace"), 9);
        long position = store.append(store.booking(customer, key, yoga, "FLT-YOGA", NOW, "Charles Babbage"), 9);

        mvc.perform(get("/api/my/upcoming").param("q", "POTTERY").header("Authorization", tokens.customer(customer))
                        .header("X-Consistency-Token", position))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].reference").value(contains("FLT-POTS")));
        mvc.perform(get("/api/my/upcoming").param("q", "babbage").header("Authorization", tokens.customer(customer)))
                .andExpect(jsonPath("$.items[*].reference").value(contains("FLT-YOGA")));
        mvc.perform(get("/api/my/upcoming").param("q", "flt-yoga").header("Authorization", tokens.customer(customer)))
                .andExpect(jsonPath("$.items[*].reference").value(contains("FLT-YOGA")));
        mvc.perform(get("/api/my/upcoming").param("q", "%").header("Authorization", tokens.customer(customer)))
                .andExpect(jsonPath("$.totalItems").value(0));
        mvc.perform(get("/api/my/upcoming").param("from", NOW.plus(Duration.ofDays(5)).toString())
                        .header("Authorization", tokens.customer(customer)))
                .andExpect(jsonPath("$.items[*].reference").value(contains("FLT-YOGA")));
        mvc.perform(get("/api/my/upcoming").param("to", NOW.plus(Duration.ofDays(5)).toString())
                        .header("Authorization", tokens.customer(customer)))
                .andExpect(jsonPath("$.items[*].reference").value(contains("FLT-POTS")));
        mvc.perform(get("/api/my/upcoming").param("from", "next week").header("Authorization", tokens.customer(customer)))
                .andExpect(status().isBadRequest());
    }
}
