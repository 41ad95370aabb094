package io.booking.command.waitinglist;

import io.booking.command.booking.BookTickets;
import io.booking.command.booking.BookingCommandHandler;
import io.booking.command.booking.BookingController;
import io.booking.command.consistency.CommandDispatcher;
import io.booking.command.consistency.ConsistencyToken;
import io.booking.command.security.Actor;
import io.booking.shared.occurrence.WaitingEntryStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

@Tag(name = "waiting-list")
@RestController
@RequestMapping("/api/waiting-list")
public class WaitingListController {

    private final CommandDispatcher dispatcher;

    public WaitingListController(CommandDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Operation(
            operationId = "joinWaitingList",
            summary = "Join the waiting list of a sold-out ticket type",
            description = "When seats free up they are offered in join order to every entry whose quantity fits, "
                    + "held until the offer expires. 409 seats-available (book instead), already-waiting, "
                    + "event-started, event-cancelled; 422 unknown-ticket-type. An admin may join on behalf of a "
                    + "customer (customerId). Send an entryId you chose: a retry joins once.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public ResponseEntity<JoinAnswer> join(@Valid @RequestBody JoinRequest request, Authentication caller) {
        Actor actor = Actor.of(caller);
        String customerId = actor.isAdmin() && request.customerId() != null
                ? request.customerId().toString()
                : actor.id();
        String entryId = (request.entryId() == null ? UUID.randomUUID() : request.entryId()).toString();
        var dispatched = dispatcher.<Boolean>send(
                new RequestToJoin(
                        entryId,
                        request.eventId().toString(),
                        request.ticketTypeId().toString(),
                        customerId,
                        request.quantity()),
                actor);
        OptionalLong position = dispatched.result()
                ? dispatcher.latestPositionOf(request.eventId().toString())
                : dispatched.position();
        return ConsistencyToken.created(
                new JoinAnswer(
                        entryId,
                        request.eventId().toString(),
                        request.ticketTypeId().toString(),
                        customerId,
                        request.quantity(),
                        ConsistencyToken.orNull(position)),
                position);
    }

    @Operation(
            operationId = "leaveWaitingList",
            summary = "Leave the waiting list",
            description = "An open offer goes to the next in line. 404 not-on-waiting-list for an entry that is not "
                    + "(or no longer) waiting, or is another customer's.")
    @PostMapping("/{entryId}/leave")
    public ResponseEntity<EntryAnswer> leave(@PathVariable UUID entryId, Authentication caller) {
        return act(entryId, RequestOnEntry.Action.LEAVE, WaitingEntryStatus.LEFT, caller);
    }

    @Operation(
            operationId = "declineOffer",
            summary = "Decline the entry's offer",
            description = "The held seats go to the next in line, or back on sale. 409 no-offer, offer-expired.")
    @PostMapping("/{entryId}/decline")
    public ResponseEntity<EntryAnswer> decline(@PathVariable UUID entryId, Authentication caller) {
        return act(entryId, RequestOnEntry.Action.DECLINE, WaitingEntryStatus.DECLINED, caller);
    }

    @Operation(
            operationId = "acceptOffer",
            summary = "Accept the entry's offer by booking the held seats",
            description = "One attendee per held seat (422 quantity-mismatch). 409 no-offer, offer-expired. The "
                    + "booking gets its own reference; a retry with the same bookingId books once.")
    @PostMapping("/{entryId}/booking")
    @ResponseStatus(HttpStatus.CREATED)
    public ResponseEntity<AcceptAnswer> accept(
            @PathVariable UUID entryId, @Valid @RequestBody AcceptRequest request, Authentication caller) {
        Actor actor = Actor.of(caller);
        String bookingId = (request.bookingId() == null ? UUID.randomUUID() : request.bookingId()).toString();
        var dispatched = dispatcher.<BookingCommandHandler.BookingConfirmation>send(
                new BookOffer(
                        entryId.toString(),
                        bookingId,
                        actor.id(),
                        request.tickets().stream()
                                .map(t -> new BookTickets.Attendee(
                                        t.attendeeName().trim(), t.child()))
                                .toList(),
                        request.answers() == null
                                ? List.of()
                                : request.answers().stream()
                                        .map(a -> new BookTickets.Answer(a.question(), a.answer()))
                                        .toList()),
                actor);
        OptionalLong position =
                dispatched.result().repeated() ? dispatcher.latestPositionOf(bookingId) : dispatched.position();
        return ConsistencyToken.created(
                new AcceptAnswer(
                        entryId.toString(),
                        bookingId,
                        dispatched.result().reference(),
                        ConsistencyToken.orNull(position)),
                position);
    }

    private ResponseEntity<EntryAnswer> act(
            UUID entryId, RequestOnEntry.Action action, WaitingEntryStatus status, Authentication caller) {
        Actor actor = Actor.of(caller);
        var dispatched =
                dispatcher.send(new RequestOnEntry(entryId.toString(), actor.id(), actor.isAdmin(), action), actor);
        return ConsistencyToken.ok(
                new EntryAnswer(entryId.toString(), status, ConsistencyToken.orNull(dispatched.position())),
                dispatched.position());
    }

    /** @param customerId whom an admin joins on behalf of; ignored for customers, who join themselves */
    public record JoinRequest(
            UUID entryId,
            @NotNull UUID eventId,
            @NotNull UUID ticketTypeId,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Min(1) @Max(20)
            int quantity,

            UUID customerId) {}

    public record JoinAnswer(
            String entryId,
            String eventId,
            String ticketTypeId,
            String customerId,
            int quantity,
            @Nullable Long consistencyToken) {}

    public record EntryAnswer(
            String entryId,
            WaitingEntryStatus status,
            @Nullable Long consistencyToken) {}

    public record AcceptRequest(
            UUID bookingId,
            @NotNull @Size(min = 1, max = 20) List<BookingController.@NotNull @Valid TicketRequest> tickets,
            @Size(max = 50) List<BookingController.@NotNull @Valid AnswerRequest> answers) {}

    public record AcceptAnswer(
            String entryId,
            String bookingId,
            String reference,
            @Nullable Long consistencyToken) {}
}
