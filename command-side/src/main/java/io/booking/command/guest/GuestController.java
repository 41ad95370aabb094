package io.booking.command.guest;

import io.booking.command.CommandRefused;
import io.booking.command.booking.BookTickets;
import io.booking.command.booking.Booking;
import io.booking.command.booking.BookingCommandHandler.GuestContact;
import io.booking.command.booking.BookingController.AnswerRequest;
import io.booking.command.booking.BookingController.TicketRequest;
import io.booking.command.booking.BookingQueue;
import io.booking.command.consistency.CommandDispatcher;
import io.booking.command.consistency.ConsistencyToken;
import io.booking.command.consistency.ReadLinks;
import io.booking.command.security.Actor;
import io.booking.command.security.OneTimeTokens;
import io.booking.command.security.TokenIssuer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

@Tag(name = "guests")
@RestController
public class GuestController {

    private final CommandDispatcher dispatcher;
    private final BookingQueue queue;
    private final ReadLinks links;
    private final GuestBookings guests;
    private final TokenIssuer tokens;
    private final boolean enabled;
    private final Duration sessionTtl;

    public GuestController(
            CommandDispatcher dispatcher,
            BookingQueue queue,
            ReadLinks links,
            GuestBookings guests,
            TokenIssuer tokens,
            GuestCheckoutSettings settings) {
        this.dispatcher = dispatcher;
        this.queue = queue;
        this.links = links;
        this.guests = guests;
        this.tokens = tokens;
        this.enabled = settings.enabled();
        this.sessionTtl = settings.sessionTtl();
    }

    @Operation(
            operationId = "bookAsGuest",
            summary = "Book as a guest, without an account",
            description = "As POST /api/bookings, with the guest's contact (name, email, phone optional). The answer "
                    + "carries manageToken, shown once: exchange it at POST /api/guest/session for a short session that "
                    + "sees and cancels this booking alone. A retry with the same bookingId books once and answers "
                    + "without the token. 404 guest-checkout-disabled when guest checkout is switched off.")
    @SecurityRequirements // public: no bearer token needed
    @PostMapping("/api/guest/bookings")
    @ResponseStatus(HttpStatus.CREATED)
    public ResponseEntity<GuestBookingAnswer> book(@Valid @RequestBody GuestBookingRequest request) {
        if (!enabled) {
            throw CommandRefused.unknown("guest-checkout-disabled", "guest checkout is switched off");
        }
        String bookingId = (request.bookingId() == null ? UUID.randomUUID() : request.bookingId()).toString();
        String guestId = UUID.randomUUID().toString();
        List<BookTickets.Attendee> attendees = request.tickets().stream()
                .map(t -> new BookTickets.Attendee(t.attendeeName().trim(), t.child()))
                .toList();
        List<BookTickets.Answer> answers = request.answers() == null
                ? List.of()
                : request.answers().stream()
                        .map(a -> new BookTickets.Answer(a.question(), a.answer()))
                        .toList();
        ContactRequest contact = request.contact();
        Actor actor = new Actor(Actor.Kind.GUEST, guestId);
        var dispatched = queue.bookAsGuest(
                new BookTickets(
                        bookingId,
                        request.eventId().toString(),
                        request.ticketTypeId().toString(),
                        guestId,
                        attendees,
                        answers),
                new GuestContact(
                        contact.name().trim(),
                        contact.email().trim(),
                        contact.phone() == null || contact.phone().isBlank()
                                ? null
                                : contact.phone().trim()),
                actor);
        OptionalLong position = dispatched.position();
        return ConsistencyToken.created(
                links.booking(dispatched.result().reference()),
                new GuestBookingAnswer(
                        bookingId,
                        dispatched.result().reference(),
                        request.eventId().toString(),
                        request.ticketTypeId().toString(),
                        attendees.size(),
                        dispatched.result().manageToken(),
                        ConsistencyToken.orNull(position)),
                position);
    }

    @Operation(
            operationId = "openGuestSession",
            summary = "Exchange a guest booking's manage token for a short session",
            description = "The token goes in the body, never in a URL. The bearer token answered has role GUEST and "
                    + "grants the one booking: its details on the query side, its cancellation here. 401 for a token "
                    + "that is unknown or no longer grants the booking (linked to an account, or the guest erased).")
    @SecurityRequirements // public: no bearer token needed
    @PostMapping("/api/guest/session")
    @ApiResponse(responseCode = "200", description = "a short session for the guest's one booking")
    @ApiResponse(
            responseCode = "401",
            description = "the link is not valid",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    public GuestSession session(@Valid @RequestBody SessionRequest request) {
        GuestBookings.Grant grant = guests.grantOf(OneTimeTokens.hash(request.token()))
                .orElseThrow(() -> new BadCredentialsException("the link is not valid"));
        TokenIssuer.AccessToken token = tokens.issueGuest(grant.guestId(), grant.bookingId(), sessionTtl);
        return new GuestSession(
                token.accessToken(), token.tokenType(), token.expiresIn(), grant.bookingId(), grant.reference());
    }

    @Operation(
            operationId = "linkGuestBooking",
            summary = "Link a guest booking to an account (admin)",
            description = "The booking becomes the account's and shows in its tabs; its attendee names and answers are "
                    + "sealed again with the account's key. keepGuestContact false erases the guest's copy of the "
                    + "contact details (the guest's key is destroyed). The manage link stops working. 404 not-found or "
                    + "no-such-account; 409 not-a-guest-booking, already-linked, guest-data-erased.")
    @PostMapping("/api/admin/bookings/{bookingId}/link")
    public ResponseEntity<LinkAnswer> link(
            @PathVariable UUID bookingId, @Valid @RequestBody LinkRequest request, Authentication caller) {
        var dispatched = dispatcher.send(
                new LinkGuestBooking(bookingId.toString(), request.accountId().toString(), request.keepGuestContact()),
                Actor.of(caller));
        return ConsistencyToken.ok(
                new LinkAnswer(
                        bookingId.toString(),
                        request.accountId().toString(),
                        request.keepGuestContact(),
                        ConsistencyToken.orNull(dispatched.position())),
                dispatched.position());
    }

    @Operation(
            operationId = "eraseGuestData",
            summary = "Erase a guest booking's personal data (admin)",
            description = "The guest's key is destroyed with GuestDataErased in one transaction: contact details (and "
                    + "attendee names and answers while the booking is still the guest's) read as erased everywhere, "
                    + "replays included. The booking stays and counts. 404 not-found; 409 not-a-guest-booking, "
                    + "guest-data-erased.")
    @PostMapping("/api/admin/bookings/{bookingId}/guest-erasure")
    public ResponseEntity<ErasureAnswer> erase(@PathVariable UUID bookingId, Authentication caller) {
        var dispatched = dispatcher.send(new RequestGuestErasure(bookingId.toString()), Actor.of(caller));
        return ConsistencyToken.ok(
                new ErasureAnswer(bookingId.toString(), ConsistencyToken.orNull(dispatched.position())),
                dispatched.position());
    }

    public record GuestBookingRequest(
            UUID bookingId,
            @NotNull UUID eventId,
            @NotNull UUID ticketTypeId,
            @NotNull @Valid ContactRequest contact,

            @NotNull @Size(min = 1, max = Booking.MAX_TICKETS)
            List<@NotNull @Valid TicketRequest> tickets,

            @Size(max = 50) List<@NotNull @Valid AnswerRequest> answers) {

        @Override
        public String toString() {
            return "GuestBookingRequest[redacted]";
        }
    }

    public record ContactRequest(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Email @Size(max = 320) String email,

            @Size(max = 40) @Pattern(regexp = "^[+0-9 ()-]*$", message = "digits, spaces, +, -, ( and ) only")
            String phone) {

        @Override
        public String toString() {
            return "ContactRequest[redacted]";
        }
    }

    /** @param manageToken shown once: the secret of the guest's manage link */
    public record GuestBookingAnswer(
            String bookingId,
            String reference,
            String eventId,
            String ticketTypeId,
            int quantity,
            String manageToken,
            @Nullable Long consistencyToken) {

        @Override
        public String toString() {
            return "GuestBookingAnswer[bookingId=" + bookingId + "]";
        }
    }

    public record SessionRequest(@NotBlank @Size(max = 100) String token) {

        @Override
        public String toString() {
            return "SessionRequest[redacted]";
        }
    }

    public record GuestSession(
            String accessToken, String tokenType, long expiresIn, String bookingId, String reference) {

        @Override
        public String toString() {
            return "GuestSession[bookingId=" + bookingId + "]";
        }
    }

    public record LinkRequest(@NotNull UUID accountId, boolean keepGuestContact) {}

    public record LinkAnswer(
            String bookingId,
            String accountId,
            boolean keepGuestContact,
            @Nullable Long consistencyToken) {}

    public record ErasureAnswer(String bookingId, @Nullable Long consistencyToken) {}
}
