package io.booking.query.listing;

import io.booking.query.web.PageQuery;
import io.booking.query.web.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "events")
@RestController
@RequestMapping("/api/events")
class ListingController {

    private final ListingProjection listing;

    ListingController(ListingProjection listing) {
        this.listing = listing;
    }

    @GetMapping
    @Operation(operationId = "listEvents", summary = "Scheduled events, soonest first (public)")
    PageView<EventView> events(
            @Valid @ParameterObject PageQuery page,
            @Parameter(description = "only events of this category") @RequestParam(required = false) @Size(max = 100)
                    String category) {
        return listing.scheduled(category, page.pageable());
    }

    @GetMapping("/{eventId}")
    @Operation(operationId = "getEvent", summary = "One event (public)")
    EventView event(@PathVariable String eventId) {
        return listing.event(eventId);
    }
}
