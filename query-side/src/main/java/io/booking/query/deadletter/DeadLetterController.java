package io.booking.query.deadletter;

import io.booking.query.deadletter.DeadLetters.ParkedEvent;
import io.booking.query.deadletter.DeadLetters.ParkedSequence;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@Tag(name = "admin")
@RestController
@Validated
@SecurityRequirement(name = "bearer")
class DeadLetterController {

    private static final String PATH = "/api/admin/dead-letters";

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping(PATH)
    @Operation(
            operationId = "listParkedEvents",
            summary = "Events a projection could not store (admin, operators), parked with the later events of their "
                    + "sequence (a booking's, an event listing's) while every other read stays fresh. Each says why in "
                    + "`cause` (the failure's type and SQLState)")
    List<ParkedSequence> parked(
            @Parameter(description = "only this processor's (bookings, events, waiting-lists)")
                    @RequestParam(required = false)
                    String processor,
            @Parameter(description = "sequences at most") @RequestParam(defaultValue = "100") @Min(1) @Max(1000)
                    int limit) {
        return deadLetters.parked(processor, limit);
    }

    @PostMapping(PATH + "/{processor}/{sequence}/retry")
    @Operation(
            operationId = "retryParkedSequence",
            summary = "Handle a parked sequence's events again, in order, once their cause is mended (admin); "
                    + "answers what is still parked (empty: all were stored)")
    List<ParkedEvent> retry(@PathVariable String processor, @PathVariable String sequence) {
        return deadLetters.retry(processor, sequence);
    }

    @DeleteMapping(PATH + "/{processor}/{sequence}")
    @Operation(
            operationId = "evictParkedSequence",
            summary = "Drop a parked sequence's events for good (admin): the read model goes on without them; a "
                    + "rebuild (POST /api/admin/read-models/rebuild) meets them again")
    EvictedSequence evict(@PathVariable String processor, @PathVariable String sequence) {
        return new EvictedSequence(processor, sequence, deadLetters.evict(processor, sequence));
    }

    record EvictedSequence(String processor, String sequence, int evictedEvents) {}
}
