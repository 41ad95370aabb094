package io.booking.query.report;

import java.io.IOException;
import java.io.Writer;
import java.util.Objects;

/** The event report as RFC 4180 CSV, for spreadsheets. */
final class EventReportCsv {

    static final String MEDIA_TYPE = "text/csv;charset=UTF-8";

    private final Writer writer;

    EventReportCsv(Writer writer) {
        this.writer = writer;
    }

    /** With a byte order mark first: without one, spreadsheets read UTF-8 as their local code page. */
    void header() throws IOException {
        writer.write('\uFEFF');
        writer.write("eventId,title,category,startsAt,endsAt,status,capacity,seatsLeft,bookings,ticketsBooked,"
                + "ticketsCancelled,attended,noShows,revenue,deletedCustomers,guestBookings\r\n");
    }

    void row(EventReport.Row row) throws IOException {
        writer.write(String.join(
                ",",
                row.eventId(),
                text(row.title()),
                text(row.category()),
                row.startsAt().toString(),
                row.endsAt().toString(),
                row.status(),
                value(row.capacity()),
                value(row.seatsLeft()),
                value(row.bookings()),
                value(row.ticketsBooked()),
                value(row.ticketsCancelled()),
                value(row.attended()),
                value(row.noShows()),
                row.revenue().toPlainString(),
                value(row.deletedCustomers()),
                value(row.guestBookings())));
        writer.write("\r\n");
    }

    private static String value(Object value) {
        return Objects.toString(value, "");
    }

    /**
     * Quoted, and text a spreadsheet would run as a formula (=, +, -, @ first) led by an apostrophe: an organiser's
     * event title is no place for a formula (OWASP's CSV injection advice).
     */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
