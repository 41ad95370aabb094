package io.booking.query.booking;

import io.booking.query.support.QuerySideTest;
import io.booking.shared.booking.BookedTicket;
import io.booking.shared.booking.BookingLinkedToAccount;
import io.booking.shared.booking.FormAnswer;
import io.booking.shared.booking.GuestContactRecorded;
import io.booking.shared.booking.GuestDataErased;
import io.booking.shared.booking.TicketsBooked;
import io.booking.shared.occurrence.BookingPolicy;
import io.booking.shared.occurrence.OccurrenceScheduled;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;

import static io.booking.query.support.CommandSideEvents.newId;
import static io.booking.query.support.CommandSideEvents.occurrence;
import static io.booking.query.support.CommandSideEvents.seal;
import static io.booking.query.support.CommandSideEvents.ticketType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Guest bookings in the read model: the guest's session, a link to an account, the guest's erasure, and replays. */
class GuestBookingTest extends QuerySideTest {

    private static final List<String> TABLES =
            List.of("booking", "booking_ticket", "booking_answer", "customer_contact", "deleted_customer");

    @Autowired
    EventProcessingConfiguration processing;

    private OccurrenceScheduled event;
    private String guestId;
    private byte[] guestKey;
    private TicketsBooked booked;
    private long position;

    @BeforeEach
    void aGuestBooks() {
        event = occurrence(
                newId(),
                "Guest night",
                NOW.plus(Duration.ofDays(3)),
                NOW.plus(Duration.ofDays(4)),
                new BookingPolicy(true, true, 24),
                ticketType("seat", "Seat", "12.00", 40));
        store.append(event);
        guestId = newId();
        guestKey = store.newSubject(guestId);
        booked = store.booking(guestId, guestKey, event, "GST-" + guestId.substring(0, 5), NOW, "Wilhelmina Guest");
        store.append(booked, 39);
        position = store.append(
                "Booking",
                booked.bookingId(),
                new GuestContactRecorded(
                        booked.bookingId(),
                        guestId,
                        seal(guestId, guestKey, "Wilhelmina Guest"),
                        seal(guestId, guestKey, "wilhelmina@guest.example"),
                        null,
                        NOW));
    }

    @Test
    void aGuestsSessionSeesItsBookingWithTheGuestsContactAndNothingElse() throws Exception {
        String session = tokens.guest(guestId, booked.bookingId());
        mvc.perform(get("/api/bookings/{reference}", booked.reference())
                        .header("Authorization", session)
                        .header("X-Consistency-Token", position))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.guestBooking").value(true))
                .andExpect(jsonPath("$.contact.email").value("wilhelmina@guest.example"))
                .andExpect(jsonPath("$.tickets[0].attendeeName").value("Wilhelmina Guest"))
                // the session may cancel, not transfer: it is not offered what the command side would refuse
                .andExpect(jsonPath("$.actions.cancel").value(true))
                .andExpect(jsonPath("$.actions.transfer").value(false));

        String otherGuest = newId();
        TicketsBooked other = store.booking(
                otherGuest,
                store.newSubject(otherGuest),
                event,
                "OTH-" + otherGuest.substring(0, 5),
                NOW,
                "Someone Else");
        long later = store.append(other, 38);
        mvc.perform(get("/api/bookings/{reference}", other.reference())
                        .header("Authorization", session)
                        .header("X-Consistency-Token", later))
                .andExpect(status().isNotFound());
        // the same guest subject naming another booking than the one it holds is refused too
        mvc.perform(get("/api/bookings/{reference}", booked.reference())
                        .header("Authorization", tokens.guest(guestId, other.bookingId())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/my/upcoming").header("Authorization", session)).andExpect(status().isForbidden());
        mvc.perform(get("/api/admin/customers/{id}/upcoming", guestId).header("Authorization", session))
                .andExpect(status().isForbidden());
    }

    @Test
    void aLinkMovesTheBookingIntoTheAccountsTabsWithItsNamesAndAReplayGivesTheSameRows() throws Exception {
        String accountId = newId();
        byte[] accountKey = store.newSubject(accountId);
        BookedTicket ticket = booked.tickets().get(0);
        store.eraseSubject(guestId); // keepGuestContact false: the guest's key goes with the link
        long linked = store.append(
                "Booking",
                booked.bookingId(),
                new BookingLinkedToAccount(
                        booked.bookingId(),
                        guestId,
                        accountId,
                        List.of(new BookedTicket(
                                ticket.ticketId(), seal(accountId, accountKey, "Wilhelmina Guest"), false)),
                        List.of(new FormAnswer("Dietary needs?", seal(accountId, accountKey, "vegetarian"))),
                        false,
                        NOW));

        mvc.perform(get("/api/my/upcoming")
                        .header("Authorization", tokens.customer(accountId))
                        .header("X-Consistency-Token", linked))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].reference").value(booked.reference()))
                .andExpect(jsonPath("$.items[0].tickets[0].attendeeName").value("Wilhelmina Guest"));
        mvc.perform(get("/api/bookings/{reference}", booked.reference())
                        .header("Authorization", tokens.customer(accountId)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.customerId").value(accountId))
                .andExpect(jsonPath("$.guestContact").value(nullValue()))
                .andExpect(jsonPath("$.answers[0].answer").value("vegetarian"));
        mvc.perform(get("/api/bookings/{reference}", booked.reference())
                        .header("Authorization", tokens.guest(guestId, booked.bookingId())))
                .andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject(
                        "select count(*) from query.customer_contact where customer_id = ?", Long.class, guestId))
                .isZero();

        assertReplayGivesTheSameRows();
    }

    @Test
    void aGuestsErasureScrubsAtOnceTheBookingStaysAndAReplayGivesTheSameRows() throws Exception {
        store.eraseSubject(guestId);
        long erased =
                store.append("Booking", booked.bookingId(), new GuestDataErased(booked.bookingId(), guestId, NOW));

        mvc.perform(get("/api/bookings/{reference}", booked.reference())
                        .header("Authorization", tokens.admin(newId()))
                        .header("X-Consistency-Token", erased))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tickets[0].attendeeName").value("[erased]"))
                .andExpect(jsonPath("$.answers[0].answer").value("[erased]"))
                .andExpect(jsonPath("$.customerDeleted").value(true))
                .andExpect(jsonPath("$.contact").value(nullValue()));
        assertThat(jdbc.queryForObject(
                        "select count(*) from query.customer_contact where customer_id = ?", Long.class, guestId))
                .isZero();

        assertReplayGivesTheSameRows();
    }

    private void assertReplayGivesTheSameRows() {
        List<String> live = checksums();
        StreamingEventProcessor bookings = processing
                .eventProcessor(BookingProjection.GROUP, StreamingEventProcessor.class)
                .orElseThrow();
        bookings.shutDown();
        bookings.resetTokens();
        bookings.start();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(checksums()).isEqualTo(live));
    }

    private List<String> checksums() {
        return TABLES.stream()
                .map(table -> jdbc.queryForObject(
                        "select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') from query."
                                + table + " t",
                        String.class))
                .toList();
    }
}
