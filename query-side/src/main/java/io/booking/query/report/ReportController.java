package io.booking.query.report;

import io.booking.query.web.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

@Tag(name = "admin")
@RestController
@SecurityRequirement(name = "bearer")
class ReportController {

    private final EventReports reports;
    private final TimeSeriesReports timeSeries;

    ReportController(EventReports reports, TimeSeriesReports timeSeries) {
        this.reports = reports;
        this.timeSeries = timeSeries;
    }

    @GetMapping("/api/admin/reports/events")
    @Operation(
            operationId = "reportEvents",
            summary = "Bookings per event (admin), over the whole history, earliest event first: bookings, tickets "
                    + "booked and cancelled, attended and no-shows, revenue of the tickets still booked, and how many bookings "
                    + "are of deleted customers or guests (counted, never named); totals over every event the filter matches "
                    + "(the sum of all its rows: a booking with tickets at two events counts at both)")
    EventReport events(@Valid @ParameterObject ReportFilter filter, @Valid @ParameterObject PageQuery page) {
        return reports.events(filter, page.page(), page.size());
    }

    /** Streamed row by row: memory stays flat however many events match. */
    @GetMapping(value = "/api/admin/reports/events.csv", produces = EventReportCsv.MEDIA_TYPE)
    @Operation(
            operationId = "reportEventsCsv",
            summary = "The report of every event the filter matches as CSV (admin), for a spreadsheet: UTF-8 with a "
                    + "byte order mark, a header row, the same columns as the JSON report, no paging",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "the report",
                            content =
                                    @Content(mediaType = EventReportCsv.MEDIA_TYPE, schema = @Schema(type = "string"))))
    void eventsCsv(@Valid @ParameterObject ReportFilter filter, HttpServletResponse response) throws IOException {
        response.setContentType(EventReportCsv.MEDIA_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"events-report.csv\"");
        Writer writer = response.getWriter();
        EventReportCsv csv = new EventReportCsv(writer);
        csv.header();
        reports.eachRow(filter, row -> {
            try {
                csv.row(row);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        writer.flush();
    }

    @GetMapping("/api/admin/reports/timeseries")
    @Operation(
            operationId = "reportTimeSeries",
            summary = "How the report's figures changed per day or week (admin), of one event or of all (of a "
                    + "category): every period of the range with its new bookings, net tickets booked, tickets cancelled, "
                    + "attendance and revenue; an event's points over its whole history add up to its report row")
    TimeSeries timeSeries(@Valid @ParameterObject TimeSeriesFilter filter) {
        return timeSeries.of(filter);
    }
}
