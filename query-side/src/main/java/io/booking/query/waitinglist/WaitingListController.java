package io.booking.query.waitinglist;

import io.booking.query.web.PageQuery;
import io.booking.query.web.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@Tag(name = "waiting-list")
@RestController
@SecurityRequirement(name = "bearer")
class WaitingListController {

    private final WaitingListProjection waitingLists;

    WaitingListController(WaitingListProjection waitingLists) {
        this.waitingLists = waitingLists;
    }

    @GetMapping("/api/my/waiting-list")
    @Operation(
            operationId = "myWaitingList",
            summary = "The caller's Waiting list tab: entries with their place in the queue, open offers and the "
                    + "actions allowed now; expired offers and entries of cancelled events are shown as such")
    PageView<WaitingListView.Entry> mine(@Valid @ParameterObject PageQuery page, Authentication authentication) {
        return waitingLists.tabOf(authentication.getName(), page.pageable());
    }

    @GetMapping("/api/admin/events/{eventId}/waiting-list")
    @Operation(
            operationId = "eventWaitingList",
            summary = "An event's waiting list in join order, with offers and their state, and figures: joined, "
                    + "offered, converted, expired (admin)")
    WaitingListView.Line line(@PathVariable UUID eventId) {
        return waitingLists.lineOf(eventId.toString());
    }
}
