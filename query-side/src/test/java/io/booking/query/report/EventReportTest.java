package io.booking.query.report;

import io.booking.query.support.QuerySideTest;
import io.booking.shared.account.AccountDeleted;
import io.booking.shared.booking.Attendance;
import io.booking.shared.booking.AttendanceRecorded;
import io.booking.shared.booking.TicketCancelled;
import io.booking.shared.booking.TicketsBooked;
import io.booking.shared.occurrence.BookingPolicy;
import io.booking.shared.occurrence.OccurrenceScheduled;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.booking.query.support.CommandSideEvents.newId;
import static io.booking.query.support.CommandSideEvents.ticketType;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class EventReportTest extends QuerySideTest {

    @Test
    void perEventTheReportCountsBookingsTicketsAttendanceAndRevenueAlsoOfDeletedCustomers() throws Exception {
        String category = "report-" + newId().substring(0, 8);
        OccurrenceScheduled pottery = scheduled("Report pottery", 3, category, ticketType("p", "Adult", "10.00", 10));
        OccurrenceScheduled glass = scheduled("Report glass", 4, category, ticketType("g", "Adult", "25.00", 5));
        store.append(pottery);
        store.append(glass);
        String staying = newId();
        String leaving = newId();
        byte[] stayingKey = store.newSubject(staying);
        TicketsBooked three = store.booking(staying, stayingKey, pottery, "REP-0001", NOW, "A", "B", "C");
        TicketsBooked two = store.booking(leaving, store.newSubject(leaving), pottery, "REP-0002", NOW, "D", "E");
        TicketsBooked one = store.booking(staying, stayingKey, glass, "REP-0003", NOW, "F");
        store.append(three, 7);
        store.append(two, 5);
        store.append(one, 4);
        store.append(
                "Booking",
                three.bookingId(),
                new TicketCancelled(
                        three.bookingId(),
                        three.tickets().get(0).ticketId(),
                        pottery.occurrenceId(),
                        "p",
                        "customer",
                        null,
                        NOW));
        store.append(
                "Booking",
                two.bookingId(),
                new AttendanceRecorded(two.bookingId(), two.tickets().get(0).ticketId(), Attendance.ATTENDED, NOW));
        store.append(
                "Booking",
                two.bookingId(),
                new AttendanceRecorded(two.bookingId(), two.tickets().get(1).ticketId(), Attendance.NO_SHOW, NOW));
        // one ticket moves to the other event: it counts there now, its booking in both rows and so twice in the totals
        store.append(
                "Booking",
                three.bookingId(),
                new io.booking.shared.booking.TicketsTransferred(
                        three.bookingId(),
                        java.util.List.of(three.tickets().get(1).ticketId()),
                        pottery.occurrenceId(),
                        "p",
                        glass.occurrenceId(),
                        "g",
                        "customer",
                        NOW));
        long position = store.append("Account", leaving, new AccountDeleted(leaving, "customer", 0, NOW));

        mvc.perform(get("/api/admin/reports/events")
                        .param("category", category.toUpperCase())
                        .header("Authorization", tokens.admin(newId()))
                        .header("X-Consistency-Token", position))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(2))
                .andExpect(jsonPath("$.items[0].title").value("Report pottery"))
                .andExpect(jsonPath("$.items[0].status").value("SCHEDULED"))
                .andExpect(jsonPath("$.items[0].capacity").value(10))
                .andExpect(jsonPath("$.items[0].seatsLeft").value(5))
                .andExpect(jsonPath("$.items[0].bookings").value(2))
                .andExpect(jsonPath("$.items[0].ticketsBooked").value(3))
                .andExpect(jsonPath("$.items[0].ticketsCancelled").value(1))
                .andExpect(jsonPath("$.items[0].attended").value(1))
                .andExpect(jsonPath("$.items[0].noShows").value(1))
                .andExpect(jsonPath("$.items[0].revenue").value("30.00"))
                .andExpect(jsonPath("$.items[0].deletedCustomers").value(1))
                .andExpect(jsonPath("$.items[1].title").value("Report glass"))
                .andExpect(jsonPath("$.items[1].revenue").value("50.00"))
                .andExpect(jsonPath("$.items[1].bookings").value(2))
                .andExpect(jsonPath("$.totals.events").value(2))
                .andExpect(jsonPath("$.totals.bookings").value(4))
                .andExpect(jsonPath("$.totals.ticketsBooked").value(5))
                .andExpect(jsonPath("$.totals.revenue").value("80.00"))
                .andExpect(jsonPath("$.currency").value("EUR"))
                .andExpect(jsonPath("$.totals.deletedCustomers").value(1));

        // a page of one still totals the whole report; a range narrows it to the events starting in it
        mvc.perform(get("/api/admin/reports/events")
                        .param("category", category)
                        .param("size", "1")
                        .header("Authorization", tokens.admin(newId())))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.totalPages").value(2))
                .andExpect(jsonPath("$.totals.ticketsBooked").value(5));
        mvc.perform(get("/api/admin/reports/events")
                        .param("category", category)
                        .param("from", NOW.plus(Duration.ofDays(4)).toString())
                        .header("Authorization", tokens.admin(newId())))
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].title").value("Report glass"));
    }

    @Test
    void aTimeSeriesPerDayAddsUpToTheReportRowAndTheCsvHoldsTheSameRows() throws Exception {
        String category = "series-" + newId().substring(0, 8);
        OccurrenceScheduled yoga =
                scheduled("=Series yoga, \"early\"", 30, category, ticketType("y", "Mat", "12.50", 20));
        store.append(yoga);
        String customer = newId();
        byte[] key = store.newSubject(customer);
        TicketsBooked first = store.booking(customer, key, yoga, "SER-0001", NOW, "A", "B");
        TicketsBooked second = store.booking(customer, key, yoga, "SER-0002", NOW.plus(Duration.ofDays(2)), "C");
        store.append(first, 18);
        store.append(second, 17);
        long position = store.append(
                "Booking",
                first.bookingId(),
                new TicketCancelled(
                        first.bookingId(),
                        first.tickets().get(0).ticketId(),
                        yoga.occurrenceId(),
                        "y",
                        "customer",
                        null,
                        NOW.plus(Duration.ofDays(3))));
        String admin = tokens.admin(newId());

        mvc.perform(get("/api/admin/reports/timeseries")
                        .param("eventId", yoga.occurrenceId())
                        .header("Authorization", admin)
                        .header("X-Consistency-Token", position))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.interval").value("DAY"))
                .andExpect(jsonPath("$.points.length()").value(4))
                .andExpect(jsonPath("$.points[0].start").value("2030-03-01"))
                .andExpect(jsonPath("$.points[0].bookings").value(1))
                .andExpect(jsonPath("$.points[0].ticketsBooked").value(2))
                .andExpect(jsonPath("$.points[0].revenue").value("25.00"))
                .andExpect(jsonPath("$.points[1].ticketsBooked").value(0))
                .andExpect(jsonPath("$.points[2].ticketsBooked").value(1))
                .andExpect(jsonPath("$.points[3].ticketsBooked").value(-1))
                .andExpect(jsonPath("$.points[3].ticketsCancelled").value(1))
                .andExpect(jsonPath("$.totals.bookings").value(2))
                .andExpect(jsonPath("$.totals.ticketsBooked").value(2))
                .andExpect(jsonPath("$.totals.revenue").value("25.00"));
        mvc.perform(get("/api/admin/reports/events").param("category", category).header("Authorization", admin))
                .andExpect(jsonPath("$.items[0].bookings").value(2))
                .andExpect(jsonPath("$.items[0].ticketsBooked").value(2))
                .andExpect(jsonPath("$.items[0].ticketsCancelled").value(1))
                .andExpect(jsonPath("$.items[0].revenue").value("25.00"));
        mvc.perform(get("/api/admin/reports/timeseries")
                        .param("category", category)
                        .param("interval", "WEEK")
                        .header("Authorization", admin))
                .andExpect(jsonPath("$.points.length()").value(2))
                .andExpect(jsonPath("$.points[0].start").value("2030-02-25"))
                .andExpect(jsonPath("$.points[0].ticketsBooked").value(3))
                .andExpect(jsonPath("$.points[1].start").value("2030-03-04"))
                .andExpect(jsonPath("$.points[1].ticketsCancelled").value(1));

        String csv = mvc.perform(get("/api/admin/reports/events.csv")
                        .param("category", category)
                        .header("Authorization", admin))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        String[] lines = csv.split("\r\n");
        org.assertj.core.api.Assertions.assertThat(lines).hasSize(2);
        org.assertj.core.api.Assertions.assertThat(lines[0]).startsWith("\uFEFFeventId,title,");
        // a title a spreadsheet would take for a formula is defused; quotes and commas stay inside the field
        org.assertj.core.api.Assertions.assertThat(lines[1])
                .startsWith(yoga.occurrenceId() + ",\"'=Series yoga, \"\"early\"\"\"," + "\"" + category + "\",")
                .contains(",2,2,1,0,0,25.00,0,0");
    }

    @Test
    void aTimeSeriesRefusesAnEmptyRangeAnUnknownEventAndTooManyPoints() throws Exception {
        String admin = tokens.admin(newId());
        mvc.perform(get("/api/admin/reports/timeseries")
                        .param("from", "2030-03-02")
                        .param("to", "2030-03-01")
                        .header("Authorization", admin))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
        mvc.perform(get("/api/admin/reports/timeseries")
                        .param("eventId", newId())
                        .header("Authorization", admin))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/admin/reports/timeseries")
                        .param("from", "2000-01-01")
                        .param("to", "2030-01-01")
                        .header("Authorization", admin))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("interval"));
        mvc.perform(get("/api/admin/reports/timeseries")
                        .param("interval", "HOURLY")
                        .header("Authorization", admin))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("interval"));
    }

    @Test
    void onlyAdminsSeeReports() throws Exception {
        mvc.perform(get("/api/admin/reports/events.csv").header("Authorization", tokens.customer(newId())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/admin/reports/timeseries").header("Authorization", tokens.customer(newId())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/admin/reports/events").header("Authorization", tokens.customer(newId())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/admin/reports/events")
                        .param("from", "last week")
                        .header("Authorization", tokens.admin(newId())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
    }

    private static OccurrenceScheduled scheduled(
            String title, int inDays, String category, io.booking.shared.occurrence.TicketType ticketType) {
        return new OccurrenceScheduled(
                newId(),
                title,
                "",
                NOW.plus(Duration.ofDays(inDays)),
                NOW.plus(Duration.ofDays(inDays)).plusSeconds(7200),
                "Hall",
                new io.booking.shared.occurrence.Organiser("Org", null),
                java.util.List.of(ticketType),
                new BookingPolicy(true, true, 24),
                NOW,
                category);
    }
}
