package io.booking.query.consistency;

import io.booking.query.listing.ListingProjection;
import io.booking.query.support.QuerySideTest;
import io.booking.shared.occurrence.BookingPolicy;
import io.booking.shared.occurrence.OccurrenceScheduled;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import static io.booking.query.support.CommandSideEvents.newId;
import static io.booking.query.support.CommandSideEvents.occurrence;
import static io.booking.query.support.CommandSideEvents.ticketType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ConsistencyTokenTest extends QuerySideTest {

    @Autowired
    private EventProcessingConfiguration processing;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping endpoints;

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
    void aCustomersTabWaitsOnlyForTheProjectionItReads() throws Exception {
        EventProcessor listing =
                processing.eventProcessor(ListingProjection.GROUP).orElseThrow();
        listing.shutDown();
        try {
            String customer = newId();
            byte[] key = store.newSubject(customer);
            OccurrenceScheduled event = occurrence(
                    newId(),
                    "Booked while the listing is behind",
                    NOW.plus(Duration.ofDays(1)),
                    NOW.plus(Duration.ofDays(2)),
                    new BookingPolicy(true, true, 1),
                    ticketType("t", "Standard", "1.00", 5));
            store.append(event);
            long position = store.append(store.booking(customer, key, event, "RYW-TABS", NOW, "Ada Lovelace"), 4);

            mvc.perform(get("/api/my/upcoming")
                            .header("Authorization", tokens.customer(customer))
                            .header("X-Consistency-Token", position)
                            .header("Prefer", "wait=2"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.items[*].reference").value(contains("RYW-TABS")));
            // the listing reads the stopped projection: the same token still waits for it
            mvc.perform(get("/api/events/{id}", event.occurrenceId())
                            .header("X-Consistency-Token", position)
                            .header("Prefer", "wait=1"))
                    .andExpect(status().isServiceUnavailable());
        } finally {
            listing.start();
        }
    }

    @Test
    void everyEndpointDeclaringTheReadModelsItReadsNamesAProcessor() {
        Set<String> processors = processing.eventProcessors().keySet();
        List<String> declared = endpoints.getHandlerMethods().values().stream()
                .map(method -> method.getMethodAnnotation(ReadsFrom.class))
                .filter(Objects::nonNull)
                .flatMap(reads -> Stream.of(reads.value()))
                .toList();
        assertThat(declared).isNotEmpty();
        assertThat(processors).containsAll(declared);
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
