package io.booking.query.consistency;

import io.booking.query.listing.ListingProjection;
import io.booking.query.support.QuerySideTest;
import io.booking.shared.occurrence.BookingPolicy;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import java.time.Duration;

import static io.booking.query.support.CommandSideEvents.newId;
import static io.booking.query.support.CommandSideEvents.occurrence;
import static io.booking.query.support.CommandSideEvents.ticketType;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ConsistencyTokenTest extends QuerySideTest {

    @Autowired
    private EventProcessingConfiguration processing;

    @Test
    void aQueryCarryingThePositionOfAJustAppendedEventSeesIt() throws Exception {
        String eventId = newId();
        long position = store.append(occurrence(
                eventId,
                "Just scheduled",
                NOW.plus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(2)),
                new BookingPolicy(true, true, 1),
                ticketType("t", "Standard", "1.00", 1)));

        // a preference the gate does not understand changes nothing
        mvc.perform(get("/api/events/{id}", eventId)
                        .header("X-Consistency-Token", position)
                        .header("Prefer", "wait=soon"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("Just scheduled"));
    }

    @Test
    void aPositionTheReadModelsHaveNotReachedAnswers503WithRetryAfterOnceTheClientsWaitRanOut() throws Exception {
        EventProcessor listing =
                processing.eventProcessor(ListingProjection.GROUP).orElseThrow();
        listing.shutDown();
        try {
            long position = store.append(occurrence(
                    newId(),
                    "Not yet listed",
                    NOW.plus(Duration.ofDays(1)),
                    NOW.plus(Duration.ofDays(2)),
                    new BookingPolicy(true, true, 1),
                    ticketType("t", "Standard", "1.00", 1)));
            // RFC 7240: the client waits at most a second instead of the configured ten
            mvc.perform(get("/api/events")
                            .param("consistencyToken", String.valueOf(position))
                            .header("Prefer", "return=minimal, wait=1"))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().exists("Retry-After"))
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        } finally {
            listing.start();
        }
    }

    @Test
    void aPositionBeyondTheNewestEventIsABadRequestAtOnce() throws Exception {
        long newest = store.append(occurrence(
                newId(),
                "Newest",
                NOW.plus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(2)),
                new BookingPolicy(true, true, 1),
                ticketType("t", "Standard", "1.00", 1)));
        // waiting could not help, so the gate does not: a wait would end in 503
        mvc.perform(get("/api/events").param("consistencyToken", String.valueOf(newest + 1000)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("consistencyToken"));
    }

    @Test
    void aMalformedTokenIsABadRequestNamingIt() throws Exception {
        mvc.perform(get("/api/events").header("X-Consistency-Token", "yesterday"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("X-Consistency-Token"));
        mvc.perform(get("/api/my/upcoming")
                        .header("Authorization", tokens.customer(newId()))
                        .param("consistencyToken", "-5"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("consistencyToken"));
    }
}
