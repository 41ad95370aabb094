package io.booking.command.booking;

import io.booking.command.CommandRefused;
import io.booking.command.consistency.CommandDispatcher;
import io.booking.command.consistency.ConsistencyToken;
import io.booking.command.consistency.ReadLinks;
import io.booking.command.security.Actor;
import io.booking.shared.booking.TicketStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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

@Tag(name = "bookings")
@RestController
@RequestMapping("/api/bookings")
public class BookingController {

    private final CommandDispatcher dispatcher;
    private final BookingQueue queue;
    private final ReadLinks links;

    public BookingController(CommandDispatcher dispatcher, BookingQueue queue, ReadLinks links) {
        this.dispatcher = dispatcher;
        this.queue = queue;
        this.links = links;
    }

    @Operation(
            operationId = "book",
            summary = "Book tickets of one ticket type of one event",
            description = "Send a bookingId you chose: a retry with the same id books once and gets the same answer. "
                    + "409 when sold out or the event has started, 422 for an unknown ticket type.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public ResponseEntity<BookingAnswer> book(@Valid @RequestBody BookingRequest request, Authentication caller) {
        Actor actor = Actor.of(caller);
        String bookingId = (request.bookingId() == null ? UUID.randomUUID() : request.bookingId()).toString();
        List<BookTickets.Attendee> attendees = request.tickets().stream()
                .map(t -> new BookTickets.Attendee(t.attendeeName().trim(), t.child()))
                .toList();
        List<BookTickets.Answer> answers = request.answers() == null
                ? List.of()
                : request.answers().stream()
                        .map(a -> new BookTickets.Answer(a.question(), a.answer()))
                        .toList();
        var dispatched = queue.book(
                new BookTickets(
                        bookingId,
                        request.eventId().toString(),
                        request.ticketTypeId().toString(),
                        actor.id(),
                        attendees,
                        answers),
                actor);
        OptionalLong position = dispatched.position();
        return ConsistencyToken.created(
                links.booking(dispatched.result().reference()),
                new BookingAnswer(
                        bookingId,
                        dispatched.result().reference(),
                        request.eventId().toString(),
                        request.ticketTypeId().toString(),
                        attendees.size(),
                        ConsistencyToken.orNull(position)),
                position);
    }

    @Operation(
            operationId = "cancelBooking",
            summary = "Cancel a whole booking",
            description = "A customer cancels their own booking while the event's policy allows (409 "
                    + "cancellation-window-closed or cancellations-not-allowed); an admin any booking at any time. "
                    + "The seats go back on sale. A second cancellation is 409 already-cancelled.")
    @PostMapping("/{bookingId}/cancellation")
    public ResponseEntity<CancellationAnswer> cancel(
            @PathVariable UUID bookingId,
            @Valid @RequestBody(required = false) CancellationRequest request,
            Authentication caller) {
        Actor actor = Actor.of(caller);
        guestMayChange(caller, bookingId);
        String reason = request == null ? null : request.reason();
        return cancel(new RequestCancellation(bookingId.toString(), null, actor.id(), actor.isAdmin(), reason), actor);
    }

    @Operation(
            operationId = "cancelTicket",
            summary = "Cancel one ticket of a booking",
            description = "The same rules as cancelling the booking; the other tickets stay booked. 404 no-such-ticket "
                    + "for a ticket that is not (or no longer) active on the booking.")
    @PostMapping("/{bookingId}/tickets/{ticketId}/cancellation")
    public ResponseEntity<CancellationAnswer> cancelTicket(
            @PathVariable UUID bookingId,
            @PathVariable UUID ticketId,
            @Valid @RequestBody(required = false) CancellationRequest request,
            Authentication caller) {
        Actor actor = Actor.of(caller);
        guestMayChange(caller, bookingId);
        String reason = request == null ? null : request.reason();
        return cancel(
                new RequestCancellation(bookingId.toString(), ticketId.toString(), actor.id(), actor.isAdmin(), reason),
                actor);
    }

    @Operation(
            operationId = "transferBooking",
            summary = "Transfer a booking, or one ticket of it, to another event or ticket type",
            description =
                    "The target must be an event of the same organiser with seats left. The seats are taken on the "
                            + "target and freed on the source together, or nothing changes. The booking keeps its reference. "
                            + "A customer may transfer while both events' policies allow, away from an event until its "
                            + "cancellation cutoff (409 transfers-not-allowed, transfer-window-closed, event-started, other-organiser, sold-out); an admin at any time. Without ticketId the whole "
                            + "booking moves.")
    @PostMapping("/{bookingId}/transfer")
    public ResponseEntity<TransferAnswer> transfer(
            @PathVariable UUID bookingId, @Valid @RequestBody TransferRequest request, Authentication caller) {
        Actor actor = Actor.of(caller);
        String ticketId = request.ticketId() == null ? null : request.ticketId().toString();
        var dispatched = dispatcher.send(
                new RequestTransfer(new TransferTickets(
                        bookingId.toString(),
                        ticketId,
                        request.eventId().toString(),
                        request.ticketTypeId().toString(),
                        actor.id(),
                        actor.isAdmin())),
                actor);
        return ConsistencyToken.ok(
                new TransferAnswer(
                        bookingId.toString(),
                        ticketId,
                        request.eventId().toString(),
                        request.ticketTypeId().toString(),
                        ConsistencyToken.orNull(dispatched.position())),
                dispatched.position());
    }

    /** A guest's session grants the one booking it names; any other is as good as unknown to them. */
    private static void guestMayChange(Authentication caller, UUID bookingId) {
        String granted = Actor.guestBookingOf(caller);
        if (granted != null && !granted.equals(bookingId.toString())) {
            throw CommandRefused.unknown("not-found", "no such booking");
        }
    }

    private ResponseEntity<CancellationAnswer> cancel(RequestCancellation request, Actor actor) {
        var dispatched = dispatcher.send(request, actor);
        return ConsistencyToken.ok(
                new CancellationAnswer(
                        request.bookingId(),
                        request.ticketId(),
                        TicketStatus.CANCELLED,
                        ConsistencyToken.orNull(dispatched.position())),
                dispatched.position());
    }

    /** @param ticketId the one ticket to move; absent to move the whole booking */
    public record TransferRequest(
            UUID ticketId, @NotNull UUID eventId, @NotNull UUID ticketTypeId) {}

    public record TransferAnswer(
            String bookingId,
            @Nullable String ticketId,
            String eventId,
            String ticketTypeId,
            @Nullable Long consistencyToken) {}

    public record CancellationRequest(@Size(max = 500) String reason) {}

    /** @param ticketId the ticket cancelled, or absent when the whole booking was; status: that of its tickets now */
    public record CancellationAnswer(
            String bookingId,
            @Nullable String ticketId,
            TicketStatus status,
            @Nullable Long consistencyToken) {}

    public record BookingRequest(
            UUID bookingId,
            @NotNull UUID eventId,
            @NotNull UUID ticketTypeId,

            @NotNull @Size(min = 1, max = Booking.MAX_TICKETS)
            List<@NotNull @Valid TicketRequest> tickets,

            @Size(max = 50) List<@NotNull @Valid AnswerRequest> answers) {}

    public record TicketRequest(@NotBlank @Size(max = 200) String attendeeName, boolean child) {

        @Override
        public String toString() {
            return "TicketRequest[redacted]";
        }
    }

    public record AnswerRequest(
            @NotBlank @Size(max = 200) String question,
            @NotNull @Size(max = 2000) String answer) {

        @Override
        public String toString() {
            return "AnswerRequest[redacted]";
        }
    }

    public record BookingAnswer(
            String bookingId,
            String reference,
            String eventId,
            String ticketTypeId,
            int quantity,
            @Nullable Long consistencyToken) {}
}
