package io.booking.query.report;

import io.booking.query.web.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@SecurityRequirement(name = "bearer")
class ReportController {

    private final EventReports reports;

    ReportController(EventReports reports) {
        this.reports = reports;
    }

    @GetMapping("/api/admin/reports/events")
    @Operation(summary = "Bookings per event (admin), over the whole history, earliest event first: bookings, tickets "
            + "booked and cancelled, attended and no-shows, revenue of the tickets still booked, and how many bookings "
            + "are of deleted customers or guests (counted, never named); totals over every event the filter matches")
    EventReport events(@Valid @ParameterObject ReportFilter filter, @Valid @ParameterObject PageQuery page) {
        return reports.events(filter, page.page(), page.size());
    }
}
