package io.booking.query.rebuild;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

@Tag(name = "admin")
@RestController
@SecurityRequirement(name = "bearer")
class RebuildController {

    private static final String PATH = "/api/admin/read-models/rebuild";

    private final ReadModelRebuild rebuild;

    RebuildController(ReadModelRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping(PATH)
    @Operation(
            operationId = "startRebuild",
            summary = "Rebuild every read model from the event store (admin, operators) into a new generation while "
                    + "the current one keeps answering; it switches to the new one once that has caught up, or, with "
                    + "`switchWhenCaughtUp: false`, follows new events until the switch is requested. 409 `rebuild-running` "
                    + "while one runs on any instance. Progress here (GET), in the log, in `booking.rebuild.*` metrics and in "
                    + "the health details")
    ResponseEntity<RebuildStatus> start(@RequestBody(required = false) RebuildRequest request) {
        RebuildStatus started =
                rebuild.start(request == null || request.switchWhenCaughtUp() == null || request.switchWhenCaughtUp());
        return ResponseEntity.accepted().location(URI.create(PATH)).body(started);
    }

    @GetMapping(PATH)
    @Operation(
            operationId = "rebuildStatus",
            summary = "Where the last rebuild of the read models started here stands (admin)")
    RebuildStatus status() {
        return rebuild.status();
    }

    @PostMapping(PATH + "/switch")
    @Operation(
            operationId = "switchToRebuiltReadModels",
            summary = "Switch to the new generation as soon as it has caught up (admin); 409 `no-rebuild-running`")
    ResponseEntity<RebuildStatus> switchToNewGeneration() {
        return ResponseEntity.accepted().location(URI.create(PATH)).body(rebuild.switchWhenCaughtUp());
    }

    /** @param switchWhenCaughtUp false: keep the new generation following events until the switch is requested */
    record RebuildRequest(Boolean switchWhenCaughtUp) {}
}
