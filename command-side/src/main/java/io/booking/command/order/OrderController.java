package io.booking.command.order;

import io.booking.command.booking.BookTickets;
import io.booking.command.booking.BookingController;
import io.booking.command.consistency.CommandDispatcher;
import io.booking.command.consistency.ConsistencyToken;
import io.booking.command.consistency.ReadLinks;
import io.booking.command.security.Actor;
import io.booking.platform.MoneySettings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

@Tag(name = "orders")
@RestController
@RequestMapping("/api/orders")
public class OrderController {

    static final int MAX_LINES = 10;

    private final CommandDispatcher dispatcher;
    private final ReadLinks links;

    private final MoneySettings money;

    public OrderController(CommandDispatcher dispatcher, ReadLinks links, MoneySettings money) {
        this.money = money;
        this.dispatcher = dispatcher;
        this.links = links;
    }

    @Operation(
            operationId = "placeOrder",
            summary = "Check out bookings for one or more events at once",
            description = "Every line becomes a booking with its own reference, or none does: a line refused (409 "
                    + "sold-out, event-started, event-cancelled; 422 unknown-ticket-type) names its index in `line`. "
                    + "Send an orderId you chose: a retry with the same id places the order once and gets the same "
                    + "answer; the same id for a different order is 409 order-id-used.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public ResponseEntity<OrderAnswer> place(@Valid @RequestBody OrderRequest request, Authentication caller) {
        Actor actor = Actor.of(caller);
        String orderId = (request.orderId() == null ? UUID.randomUUID() : request.orderId()).toString();
        List<PlaceOrder.Line> lines = request.lines().stream()
                .map(line -> new PlaceOrder.Line(
                        line.eventId().toString(),
                        line.ticketTypeId().toString(),
                        line.tickets().stream()
                                .map(t -> new BookTickets.Attendee(
                                        t.attendeeName().trim(), t.child()))
                                .toList(),
                        line.answers() == null
                                ? List.of()
                                : line.answers().stream()
                                        .map(a -> new BookTickets.Answer(a.question(), a.answer()))
                                        .toList()))
                .toList();
        var dispatched = dispatcher.<OrderCommandHandler.OrderConfirmation>send(
                new PlaceOrder(orderId, actor.id(), lines), actor);
        OrderCommandHandler.OrderConfirmation confirmation = dispatched.result();
        OptionalLong position = confirmation.repeated() ? dispatcher.latestPositionOf(orderId) : dispatched.position();
        return ConsistencyToken.created(
                links.order(confirmation.reference()),
                new OrderAnswer(
                        orderId,
                        confirmation.reference(),
                        confirmation.total(),
                        money.currency(),
                        confirmation.bookings().stream()
                                .map(booking -> new PlacedBooking(
                                        booking.bookingId(),
                                        booking.reference(),
                                        booking.eventId(),
                                        booking.ticketTypeId(),
                                        booking.quantity()))
                                .toList(),
                        ConsistencyToken.orNull(position)),
                position);
    }

    public record OrderRequest(
            UUID orderId,
            @NotNull @Size(min = 1, max = MAX_LINES) List<@NotNull @Valid LineRequest> lines) {}

    public record LineRequest(
            @NotNull UUID eventId,
            @NotNull UUID ticketTypeId,
            @NotNull @Size(min = 1, max = 20) List<BookingController.@NotNull @Valid TicketRequest> tickets,
            @Size(max = 50) List<BookingController.@NotNull @Valid AnswerRequest> answers) {}

    public record OrderAnswer(
            String orderId,
            String reference,
            BigDecimal total,
            String currency,
            List<PlacedBooking> bookings,
            @Nullable Long consistencyToken) {}

    public record PlacedBooking(
            String bookingId, String reference, String eventId, String ticketTypeId, int quantity) {}
}
