package io.booking.command.occurrence;

import io.booking.command.consistency.CommandDispatcher;
import io.booking.command.consistency.ConsistencyToken;
import io.booking.command.consistency.ReadLinks;
import io.booking.command.security.Actor;
import io.booking.shared.occurrence.BookingPolicy;
import io.booking.shared.occurrence.EventStatus;
import io.booking.shared.occurrence.Organiser;
import io.booking.shared.occurrence.TicketType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

@Tag(name = "events")
@RestController
@RequestMapping("/api/admin/events")
public class OccurrenceController {

    private final CommandDispatcher dispatcher;
    private final ReadLinks links;

    private final ScheduleRetries retries;

    public OccurrenceController(CommandDispatcher dispatcher, ScheduleRetries retries, ReadLinks links) {
        this.dispatcher = dispatcher;
        this.links = links;
        this.retries = retries;
    }

    @Operation(operationId = "scheduleEvent", summary = "Schedule an event with its ticket types and policy (admin)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public ResponseEntity<Scheduled> schedule(@Valid @RequestBody ScheduleRequest request, Authentication caller) {
        String eventId = (request.eventId() == null ? UUID.randomUUID() : request.eventId()).toString();
        List<TicketType> ticketTypes = request.ticketTypes().stream()
                .map(t -> new TicketType(
                        UUID.randomUUID().toString(),
                        t.name().trim(),
                        // two decimals, as every amount is kept and shown; @Digits allows no more
                        t.price().setScale(2),
                        t.capacity()))
                .toList();
        PolicyRequest policy = request.policy() == null ? new PolicyRequest(true, true, 24, false) : request.policy();
        ScheduleOccurrence command = new ScheduleOccurrence(
                eventId,
                request.title().trim(),
                request.description(),
                request.startsAt(),
                request.endsAt(),
                request.location(),
                new Organiser(request.organiser().name(), request.organiser().contact()),
                ticketTypes,
                new BookingPolicy(
                        policy.transfersAllowed(),
                        policy.cancellationsAllowed(),
                        policy.cancellationCutoffHours(),
                        policy.attendanceTracking()),
                request.category() == null ? null : request.category().trim());
        OptionalLong position;
        try {
            position = dispatcher.send(command, Actor.of(caller)).position();
        } catch (AggregateStreamCreationException exists) {
            // the same request again (a retry) gets the first answer; the same id for another event is a conflict
            ticketTypes = retries.firstOf(command).orElseThrow(() -> exists).ticketTypes();
            position = dispatcher.latestPositionOf(eventId);
        }
        List<Scheduled.Type> types = ticketTypes.stream()
                .map(t -> new Scheduled.Type(t.ticketTypeId(), t.name()))
                .toList();
        return ConsistencyToken.created(
                links.event(eventId), new Scheduled(eventId, types, ConsistencyToken.orNull(position)), position);
    }

    @Operation(
            operationId = "cancelEvent",
            summary = "Cancel an event (admin): no more bookings; every booking of it is cancelled by the organiser",
            description = "The bookings are cancelled right after, in the background: a query with the returned "
                    + "consistency token sees the event cancelled, and the bookings soon after. 409 already-cancelled.")
    @PostMapping("/{eventId}/cancellation")
    public ResponseEntity<Cancelled> cancel(
            @PathVariable UUID eventId, @Valid @RequestBody CancellationRequest request, Authentication caller) {
        var dispatched = dispatcher.send(new CancelOccurrence(eventId.toString(), request.reason()), Actor.of(caller));
        return ConsistencyToken.ok(
                new Cancelled(
                        eventId.toString(), EventStatus.CANCELLED, ConsistencyToken.orNull(dispatched.position())),
                dispatched.position());
    }

    @Operation(
            operationId = "changeCapacity",
            summary = "Raise or lower a ticket type's capacity (admin); 409 below-seats-taken")
    @PutMapping("/{eventId}/ticket-types/{ticketTypeId}/capacity")
    public ResponseEntity<CapacityAnswer> changeCapacity(
            @PathVariable UUID eventId,
            @PathVariable UUID ticketTypeId,
            @Valid @RequestBody CapacityRequest request,
            Authentication caller) {
        var dispatched = dispatcher.send(
                new ChangeCapacity(eventId.toString(), ticketTypeId.toString(), request.capacity()), Actor.of(caller));
        return ConsistencyToken.ok(
                new CapacityAnswer(
                        eventId.toString(),
                        ticketTypeId.toString(),
                        request.capacity(),
                        ConsistencyToken.orNull(dispatched.position())),
                dispatched.position());
    }

    public record CapacityRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Min(1) @Max(1_000_000)
            int capacity) {}

    public record CapacityAnswer(
            String eventId,
            String ticketTypeId,
            int capacity,
            @Nullable Long consistencyToken) {}

    @Schema(name = "EventCancellationRequest")
    public record CancellationRequest(
            @NotBlank @Size(max = 500) String reason) {}

    public record Cancelled(
            String eventId, EventStatus status, @Nullable Long consistencyToken) {}

    public record ScheduleRequest(
            UUID eventId,
            @NotBlank @Size(max = 200) String title,
            @Size(max = 5000) String description,
            @NotNull Instant startsAt,
            @NotNull Instant endsAt,
            @NotBlank @Size(max = 300) String location,
            @NotNull @Valid OrganiserRequest organiser,
            @NotNull @Size(min = 1, max = 20) List<@NotNull @Valid TicketTypeRequest> ticketTypes,
            @Valid PolicyRequest policy,
            @Size(max = 100) String category) {}

    public record OrganiserRequest(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 320) String contact) {}

    public record TicketTypeRequest(
            @NotBlank @Size(max = 100) String name,

            @NotNull @DecimalMin("0.00") @Digits(integer = 8, fraction = 2)
            BigDecimal price,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Min(1) @Max(1_000_000)
            int capacity) {}

    /** @param attendanceTracking unmarked tickets count as attended once the event has ended */
    public record PolicyRequest(
            boolean transfersAllowed,
            boolean cancellationsAllowed,
            @Min(0) @Max(8760) int cancellationCutoffHours,
            boolean attendanceTracking) {}

    public record Scheduled(
            String eventId,
            List<Type> ticketTypes,
            @Nullable Long consistencyToken) {

        @Schema(name = "ScheduledTicketType")
        public record Type(String ticketTypeId, String name) {}
    }
}
