package io.booking.command.booking;

import io.booking.command.occurrence.Occurrence;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A customer's active tickets at events that have not started (nor been cancelled), and their cancellation when the
 * customer's account is deleted.
 * <p>
 * Found from the aggregates themselves rather than from a table of its own: {@code booking_reference} names every
 * booking of the customer (written in the booking's transaction, kept through transfers), the {@link Booking}
 * aggregate knows which of its tickets are active and at which event, and the {@link Occurrence} aggregate whether
 * that event is still to come. A second copy of that state (say, a customer_booking table kept by every booking,
 * cancellation and transfer) could drift from the aggregates and would be one more thing each of those commands
 * must keep right; an account is deleted rarely and a customer holds few bookings, so loading them is cheap. The
 * aggregates are loaded in the deleting unit of work, so their locks are held until it commits and the
 * cancellations below act on the same state.
 */
@Component
public class UpcomingBookings {

    static final String REASON = "account deleted";

    private final BookingReferences references;
    private final Configuration axon;
    private final CommandGateway commands;
    private final Clock clock;

    public UpcomingBookings(BookingReferences references, Configuration axon, CommandGateway commands, Clock clock) {
        this.references = references;
        this.axon = axon;
        this.commands = commands;
        this.clock = clock;
    }

    /** Must run inside a unit of work (a command handler). */
    public List<Upcoming> of(String customerId) {
        Instant now = clock.instant();
        Map<String, Boolean> upcomingEvents = new HashMap<>();
        return references.bookingsOfCustomer(customerId).stream()
                .map(bookingId -> {
                    Map<String, String> active =
                            axon.repository(Booking.class).load(bookingId).invoke(Booking::activeTicketEvents);
                    List<String> upcomingTickets = active.entrySet().stream()
                            .filter(ticket -> upcomingEvents.computeIfAbsent(
                                    ticket.getValue(),
                                    eventId -> axon.repository(Occurrence.class)
                                            .load(eventId)
                                            .invoke(occurrence -> occurrence.upcomingAt(now))))
                            .map(Map.Entry::getKey)
                            .toList();
                    return new Upcoming(bookingId, upcomingTickets, upcomingTickets.size() == active.size());
                })
                .filter(upcoming -> !upcoming.ticketIds().isEmpty())
                .toList();
    }

    /**
     * Cancels them in the caller's unit of work, seats released with them, within the events' policies for a customer
     * (a refusal undoes the whole deletion) and at any time for an admin.
     */
    public void cancel(List<Upcoming> upcoming, String requesterId, boolean byAdmin) {
        for (Upcoming booking : upcoming) {
            if (booking.whole()) {
                commands.sendAndWait(new RequestCancellation(booking.bookingId(), null, requesterId, byAdmin, REASON));
            } else {
                // tickets moved apart: only those at events still to come are cancelled
                booking.ticketIds()
                        .forEach(ticketId -> commands.sendAndWait(
                                new RequestCancellation(booking.bookingId(), ticketId, requesterId, byAdmin, REASON)));
            }
        }
    }

    /** @param whole every active ticket of the booking is at an event still to come */
    public record Upcoming(String bookingId, List<String> ticketIds, boolean whole) {}
}
