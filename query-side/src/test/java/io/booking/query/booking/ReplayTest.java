package io.booking.query.booking;

import io.booking.query.support.CommandSideEvents;
import io.booking.query.support.QuerySideTest;
import io.booking.shared.account.AccountDeleted;
import io.booking.shared.account.AccountRegistered;
import io.booking.shared.account.Role;
import io.booking.shared.booking.BookedTicket;
import io.booking.shared.booking.BookingCancelled;
import io.booking.shared.booking.TicketCancelled;
import io.booking.shared.booking.TicketsBooked;
import io.booking.shared.booking.TicketsTransferred;
import io.booking.shared.occurrence.BookingPolicy;
import io.booking.shared.occurrence.OccurrenceScheduled;
import io.booking.shared.occurrence.WaitingListJoined;
import io.booking.shared.order.OrderPlaced;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import static io.booking.query.support.CommandSideEvents.newId;
import static io.booking.query.support.CommandSideEvents.occurrence;
import static io.booking.query.support.CommandSideEvents.ticketType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ReplayTest extends QuerySideTest {

    /** Every read model's table (the processors' tokens and parked events aside). */
    private static final List<String> TABLES = List.of(
            "booking_occurrence",
            "booking_occurrence_ticket_type",
            "booking",
            "booking_ticket",
            "booking_answer",
            "booking_transfer",
            "customer_order",
            "customer_order_line",
            "report_event",
            "report_ticket_type",
            "report_event_day",
            "report_ticket_type_day",
            "customer_contact",
            "deleted_customer",
            "listed_event",
            "listed_ticket_type",
            "waiting_entry");

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void rebuildingEveryReadModelGivesTheSameRows() throws Exception {
        long position = 0;
        OccurrenceScheduled previous = null;
        for (int e = 0; e < 3; e++) {
            OccurrenceScheduled event = occurrence(
                    newId(),
                    "Replay " + e,
                    NOW.plus(Duration.ofDays(e + 1)),
                    NOW.plus(Duration.ofDays(e + 2)),
                    new BookingPolicy(true, true, 24),
                    ticketType("a", "Adult", "10.00", 50),
                    ticketType("c", "Child", "5.00", 50));
            store.append(event);
            for (int b = 0; b < 4; b++) {
                String customer = newId();
                byte[] key = store.newSubject(customer);
                TicketsBooked booking = store.booking(
                        customer,
                        key,
                        event,
                        "R" + e + b + "-" + customer.substring(0, 6),
                        NOW.minus(Duration.ofMinutes(b)),
                        "Attendee " + b,
                        "Guest of " + b);
                position = store.append(booking, 50 - 2 * (b + 1));
                // some bookings lose a ticket, some are cancelled whole: the Cancelled tab must replay too
                if (b == 1) {
                    position = store.append(
                            "Booking",
                            booking.bookingId(),
                            new TicketCancelled(
                                    booking.bookingId(),
                                    booking.tickets().get(1).ticketId(),
                                    event.occurrenceId(),
                                    booking.ticketTypeId(),
                                    "customer",
                                    "changed plans",
                                    NOW));
                } else if (b == 2) {
                    position = store.append(
                            "Booking",
                            booking.bookingId(),
                            new BookingCancelled(
                                    booking.bookingId(),
                                    event.occurrenceId(),
                                    booking.ticketTypeId(),
                                    2,
                                    "admin",
                                    "double booked",
                                    NOW));
                } else if (b == 3 && previous != null) {
                    // a booking moved whole to the previous date, then one ticket back: the transfer history replays
                    position = store.append(
                            "Booking",
                            booking.bookingId(),
                            new TicketsTransferred(
                                    booking.bookingId(),
                                    booking.tickets().stream()
                                            .map(BookedTicket::ticketId)
                                            .toList(),
                                    event.occurrenceId(),
                                    "a",
                                    previous.occurrenceId(),
                                    "c",
                                    "customer",
                                    NOW));
                    position = store.append(
                            "Booking",
                            booking.bookingId(),
                            new TicketsTransferred(
                                    booking.bookingId(),
                                    List.of(booking.tickets().get(0).ticketId()),
                                    previous.occurrenceId(),
                                    "c",
                                    event.occurrenceId(),
                                    "a",
                                    "admin",
                                    NOW.plusSeconds(1)));
                }
            }
            previous = event;
        }
        // an order of two of the bookings above: its rows replay with the bookings' processor
        position = store.append(
                "Order",
                "order-1",
                new OrderPlaced(
                        "order-1",
                        "ORD-REPLAY",
                        "customer-1",
                        List.of(
                                new OrderPlaced.Line("b-1", "R-1", "ev-1", "a", 2, new BigDecimal("10.00")),
                                new OrderPlaced.Line("b-2", "R-2", "ev-2", "c", 1, new BigDecimal("5.00"))),
                        new BigDecimal("25.00"),
                        NOW));
        // a customer's contact, one who left, and a waiting list
        String customer = newId();
        byte[] key = store.newSubject(customer);
        store.append(
                "Account",
                customer,
                new AccountRegistered(
                        customer,
                        CommandSideEvents.seal(customer, key, "Ada"),
                        CommandSideEvents.seal(customer, key, "ada@example.com"),
                        null,
                        Role.CUSTOMER,
                        NOW));
        String leaver = newId();
        byte[] leaverKey = store.newSubject(leaver);
        store.append(
                "Account",
                leaver,
                new AccountRegistered(
                        leaver,
                        CommandSideEvents.seal(leaver, leaverKey, "Bo"),
                        CommandSideEvents.seal(leaver, leaverKey, "bo@example.com"),
                        null,
                        Role.CUSTOMER,
                        NOW));
        store.append("Account", leaver, new AccountDeleted(leaver, leaver, 0, NOW.plusSeconds(5)));
        position = store.append(
                "Occurrence",
                previous.occurrenceId(),
                new WaitingListJoined(previous.occurrenceId(), "a", newId(), customer, 2, NOW));
        awaitReadModels(position);
        List<String> live = checksums();
        assertThat(live).allSatisfy(checksum -> assertThat(checksum).doesNotStartWith("0:"));

        List<StreamingEventProcessor> processors = processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .toList();
        processors.forEach(StreamingEventProcessor::shutDown);
        processors.forEach(StreamingEventProcessor::resetTokens);
        assertThat(checksums()).allSatisfy(checksum -> assertThat(checksum).startsWith("0:"));
        processors.forEach(StreamingEventProcessor::start);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(checksums()).isEqualTo(live));
    }

    private void awaitReadModels(long position) throws Exception {
        mvc.perform(get("/api/events").header("X-Consistency-Token", position)).andExpect(status().isOk());
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
