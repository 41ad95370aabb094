package io.booking.command.order;

import io.booking.command.CommandRefused;
import io.booking.command.booking.BookTickets;
import io.booking.command.booking.BookingCommandHandler;
import io.booking.command.booking.BookingReferences;
import io.booking.command.booking.BookingRetries;
import io.booking.command.occurrence.Occurrence;
import io.booking.shared.order.OrderPlaced;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Places every booking of an order and records the order in one unit of work (one transaction): a line refused
 * (sold out, started, unknown ticket type) rolls back the lines before it too.
 */
@Component
public class OrderCommandHandler {

    private final OrderReferences orders;
    private final BookingReferences bookingReferences;
    private final BookingCommandHandler bookings;
    private final CommandGateway commands;
    private final BookingRetries retries;

    public OrderCommandHandler(
            OrderReferences orders,
            BookingReferences bookingReferences,
            BookingCommandHandler bookings,
            CommandGateway commands,
            BookingRetries retries) {
        this.retries = retries;
        this.orders = orders;
        this.bookingReferences = bookingReferences;
        this.bookings = bookings;
        this.commands = commands;
    }

    @CommandHandler
    public OrderConfirmation handle(PlaceOrder command) {
        OrderReferences.Claim claim = orders.claim(command);
        List<BookTickets> lines = IntStream.range(0, command.lines().size())
                .mapToObj(i -> bookingOf(command, i))
                .toList();
        if (claim.existing().isPresent()) {
            if (!claim.existing().get().fingerprint().equals(command.fingerprint())
                    || !lines.stream().allMatch(retries::sameDetails)) {
                throw CommandRefused.notAllowed("order-id-used", "this order id was already used for another order");
            }
            List<OrderConfirmation.Booking> placed = lines.stream()
                    .map(line -> new OrderConfirmation.Booking(
                            line.bookingId(),
                            bookingReferences
                                    .find(line.bookingId())
                                    .orElseThrow()
                                    .reference(),
                            line.occurrenceId(),
                            line.ticketTypeId(),
                            line.attendees().size()))
                    .toList();
            return new OrderConfirmation(
                    command.orderId(), claim.reference(), claim.existing().get().total(), placed, true);
        }
        // seats are taken event by event in one global order, so two orders for the same events cannot deadlock
        List<Integer> lockOrder = IntStream.range(0, lines.size())
                .boxed()
                .sorted(Comparator.comparing((Integer i) -> lines.get(i).occurrenceId())
                        .thenComparing(i -> lines.get(i).ticketTypeId()))
                .toList();
        Map<Integer, OrderPlaced.Line> placed = new HashMap<>();
        for (int i : lockOrder) {
            BookTickets line = lines.get(i);
            BookingReferences.Claim booking = bookingReferences.claim(line);
            if (booking.existing().isPresent()) {
                throw CommandRefused.notAllowed("order-id-used", "this order id was already used for another order");
            }
            Occurrence.Reservation reservation;
            try {
                reservation = bookings.place(line, booking.reference());
            } catch (AggregateNotFoundException noSuchEvent) {
                throw new CommandRefused(
                        CommandRefused.Kind.UNKNOWN,
                        "no-such-event",
                        "line " + i + ": no such event",
                        Map.of("line", i));
            } catch (CommandRefused refused) {
                Map<String, Object> details = new HashMap<>(refused.details());
                details.put("line", i);
                throw new CommandRefused(
                        refused.kind(),
                        refused.rule(),
                        "line " + i + ": " + refused.getMessage(),
                        details,
                        refused.concerning());
            }
            placed.put(
                    i,
                    new OrderPlaced.Line(
                            line.bookingId(),
                            booking.reference(),
                            line.occurrenceId(),
                            line.ticketTypeId(),
                            line.attendees().size(),
                            reservation.unitPrice()));
        }
        List<OrderPlaced.Line> inOrder = new ArrayList<>();
        IntStream.range(0, lines.size()).forEach(i -> inOrder.add(placed.get(i)));
        BigDecimal total = inOrder.stream()
                .map(line -> line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        commands.sendAndWait(
                new RecordOrder(command.orderId(), claim.reference(), command.customerId(), inOrder, total));
        orders.completed(command.orderId(), total);
        return new OrderConfirmation(
                command.orderId(),
                claim.reference(),
                total,
                inOrder.stream()
                        .map(line -> new OrderConfirmation.Booking(
                                line.bookingId(),
                                line.bookingReference(),
                                line.occurrenceId(),
                                line.ticketTypeId(),
                                line.quantity()))
                        .toList(),
                false);
    }

    /** A line's booking id follows from the order id and its position, so a retried order finds its bookings. */
    private static BookTickets bookingOf(PlaceOrder command, int index) {
        PlaceOrder.Line line = command.lines().get(index);
        String bookingId = UUID.nameUUIDFromBytes(
                        ("order:" + command.orderId() + ":" + index).getBytes(StandardCharsets.UTF_8))
                .toString();
        return new BookTickets(
                bookingId,
                line.occurrenceId(),
                line.ticketTypeId(),
                command.customerId(),
                line.attendees(),
                line.answers());
    }

    /** @param repeated the same order was already placed; this answer repeats the first one */
    public record OrderConfirmation(
            String orderId, String reference, BigDecimal total, List<Booking> bookings, boolean repeated) {

        public record Booking(String bookingId, String reference, String eventId, String ticketTypeId, int quantity) {}
    }
}
