package io.booking.command.booking;

import io.booking.command.CommandRefused;
import io.booking.shared.booking.TicketsBooked;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One booking (order line): its tickets, their status and its reference. */
@Aggregate
public class Booking {

    static final int MAX_TICKETS = 20;

    @AggregateIdentifier
    private String bookingId;
    private String customerId;

    protected Booking() {
        // for Axon
    }

    @CommandHandler
    public Booking(PlaceBooking command, Clock clock) {
        if (command.tickets().isEmpty() || command.tickets().size() > MAX_TICKETS) {
            throw CommandRefused.unprocessable("ticket-count", "a booking holds 1 to " + MAX_TICKETS + " tickets");
        }
        apply(new TicketsBooked(command.bookingId(), command.reference(), command.occurrenceId(), command.ticketTypeId(),
                command.customerId(), command.tickets(), command.answers(), clock.instant()));
    }

    @EventSourcingHandler
    void on(TicketsBooked event) {
        bookingId = event.bookingId();
        customerId = event.customerId();
    }
}
