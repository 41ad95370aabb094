package io.booking.command.occurrence;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.booking.command.CommandRefused;
import io.booking.shared.occurrence.BookingPolicy;
import io.booking.shared.occurrence.CapacityChanged;
import io.booking.shared.occurrence.OccurrenceCancelled;
import io.booking.shared.occurrence.OccurrenceEnded;
import io.booking.shared.occurrence.OccurrenceScheduled;
import io.booking.shared.occurrence.Organiser;
import io.booking.shared.occurrence.SeatsReleased;
import io.booking.shared.occurrence.SeatsReserved;
import io.booking.shared.occurrence.TicketType;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An organiser's event and its seats. Every booking of the event passes through here, so the aggregate's lock and
 * sequence number keep the seats of each ticket type within its capacity. It is cached and snapshotted, so a busy
 * event is not rebuilt from its whole stream on every booking.
 */
// snapshots are Jackson documents of the fields
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE)
@Aggregate(cache = "occurrenceCache", snapshotTriggerDefinition = "occurrenceSnapshotTrigger",
        snapshotFilter = "occurrenceSnapshotFilter", lockFactory = "occurrenceLockFactory")
@Revision(Occurrence.REVISION)
public class Occurrence {

    /** Raised whenever the fields change, so snapshots of an older shape are skipped and the stream replayed. */
    public static final String REVISION = "2";

    @AggregateIdentifier
    private String occurrenceId;
    private Instant startsAt;
    private Instant endsAt;
    private boolean ended;
    private BookingPolicy policy;
    private Organiser organiser;
    private boolean cancelled;
    private Map<String, Seats> seats;

    protected Occurrence() {
        // for Axon
    }

    static final String END_DEADLINE = "event-ended";

    @CommandHandler
    public Occurrence(ScheduleOccurrence command, Clock clock, DeadlineManager deadlines) {
        if (!command.endsAt().isAfter(command.startsAt())) {
            throw CommandRefused.unprocessable("ends-before-start", "the event must end after it starts");
        }
        if (!command.startsAt().isAfter(clock.instant())) {
            throw CommandRefused.unprocessable("starts-in-the-past", "the event must start in the future");
        }
        if (command.ticketTypes().stream().map(TicketType::ticketTypeId).distinct().count() != command.ticketTypes().size()) {
            throw CommandRefused.unprocessable("duplicate-ticket-type", "ticket type ids must be unique within the event");
        }
        apply(new OccurrenceScheduled(command.occurrenceId(), command.title(), command.description(), command.startsAt(),
                command.endsAt(), command.location(), command.organiser(), command.ticketTypes(), command.policy(),
                clock.instant()));
        // kept in PostgreSQL (db-scheduler): it fires once, also across restarts and instances
        deadlines.schedule(command.endsAt(), END_DEADLINE);
    }

    @DeadlineHandler(deadlineName = END_DEADLINE)
    void end() {
        if (!cancelled && !ended) {
            apply(new OccurrenceEnded(occurrenceId, policy.attendanceTracking(), endsAt));
        }
    }

    /** @return the seats left and the price a seat was taken at */
    @CommandHandler
    public Reservation handle(ReserveSeats command, Clock clock) {
        Seats ticketType = seats.get(command.ticketTypeId());
        if (ticketType == null) {
            throw CommandRefused.unprocessable("unknown-ticket-type", "the event has no such ticket type");
        }
        if (cancelled) {
            throw CommandRefused.conflict("event-cancelled", "the event was cancelled; it can no longer be booked");
        }
        if (!clock.instant().isBefore(startsAt)) {
            throw CommandRefused.conflict("event-started", "the event has already started; it can no longer be booked");
        }
        ReserveSeats.TransferIn transfer = command.transfer();
        if (transfer != null && !organiser.equals(transfer.fromOrganiser())) {
            throw CommandRefused.conflict("other-organiser", "tickets move only between events of the same organiser");
        }
        if (transfer != null && !transfer.byAdmin() && !policy.transfersAllowed()) {
            throw CommandRefused.conflict("transfers-not-allowed", "the target event does not accept transfers");
        }
        int left = ticketType.capacity() - ticketType.taken();
        if (command.quantity() > left) {
            throw new CommandRefused(CommandRefused.Kind.CONFLICT, "sold-out",
                    left == 0 ? "the ticket type is sold out" : "not enough seats left for this booking",
                    Map.of("seatsLeft", left, "requested", command.quantity()));
        }
        apply(new SeatsReserved(occurrenceId, command.ticketTypeId(), command.bookingId(), command.quantity(),
                left - command.quantity()));
        return new Reservation(left - command.quantity(), ticketType.price());
    }

    @CommandHandler
    public void handle(ChangeCapacity command) {
        Seats ticketType = seats.get(command.ticketTypeId());
        if (ticketType == null) {
            throw CommandRefused.notFound("unknown-ticket-type", "the event has no such ticket type");
        }
        if (command.capacity() < ticketType.taken()) {
            throw new CommandRefused(CommandRefused.Kind.CONFLICT, "below-seats-taken",
                    "the capacity cannot go below the seats already taken",
                    Map.of("seatsTaken", ticketType.taken(), "requested", command.capacity()));
        }
        apply(new CapacityChanged(occurrenceId, command.ticketTypeId(), command.capacity(),
                command.capacity() - ticketType.taken()));
    }

    @CommandHandler
    public void handle(CancelOccurrence command, Clock clock) {
        if (cancelled) {
            throw CommandRefused.conflict("already-cancelled", "the event is already cancelled");
        }
        apply(new OccurrenceCancelled(occurrenceId, command.reason(), clock.instant()));
    }

    /** @return the organiser, whose other events the seats' tickets may move to */
    @CommandHandler
    public Organiser handle(ReleaseSeats command, Clock clock) {
        if (!command.byAdmin()) {
            mayRelease(command.purpose(), clock.instant());
        }
        Seats ticketType = seats.get(command.ticketTypeId());
        int left = ticketType.capacity() - ticketType.taken() + command.quantity();
        apply(new SeatsReleased(occurrenceId, command.ticketTypeId(), command.bookingId(), command.quantity(), left));
        return organiser;
    }

    private void mayRelease(ReleaseSeats.Purpose purpose, Instant now) {
        switch (purpose) {
            case CANCELLATION -> {
                if (!policy.mayCancel(now, startsAt)) {
                    throw CommandRefused.conflict(policy.cancellationsAllowed() ? "cancellation-window-closed" : "cancellations-not-allowed",
                            policy.cancellationsAllowed()
                                    ? "bookings of this event can be cancelled until " + policy.cancellationCutoffHours() + " hours before it starts"
                                    : "this event does not allow cancellations");
                }
            }
            case TRANSFER -> {
                if (!policy.mayTransfer(now, startsAt)) {
                    throw CommandRefused.conflict(policy.transfersAllowed() ? "event-started" : "transfers-not-allowed",
                            policy.transfersAllowed()
                                    ? "the event has started; its tickets can no longer be transferred"
                                    : "this event does not allow transfers");
                }
            }
        }
    }

    /** Whether the event is still to come: not started and not cancelled (read when an account is deleted). */
    public boolean upcomingAt(Instant now) {
        return !cancelled && now.isBefore(startsAt);
    }

    @EventSourcingHandler
    void on(OccurrenceScheduled event) {
        occurrenceId = event.occurrenceId();
        startsAt = event.startsAt();
        endsAt = event.endsAt();
        policy = event.policy();
        organiser = event.organiser();
        seats = new HashMap<>();
        for (TicketType type : event.ticketTypes()) {
            seats.put(type.ticketTypeId(), new Seats(type.capacity(), 0, type.price()));
        }
    }

    @EventSourcingHandler
    void on(SeatsReserved event) {
        seats.computeIfPresent(event.ticketTypeId(), (id, s) -> new Seats(s.capacity(), s.capacity() - event.seatsLeft(), s.price()));
    }

    @EventSourcingHandler
    void on(CapacityChanged event) {
        seats.computeIfPresent(event.ticketTypeId(), (id, s) -> new Seats(event.capacity(), s.taken(), s.price()));
    }

    @EventSourcingHandler
    void on(OccurrenceEnded event) {
        ended = true;
    }

    @EventSourcingHandler
    void on(OccurrenceCancelled event) {
        cancelled = true;
    }

    @EventSourcingHandler
    void on(SeatsReleased event) {
        seats.computeIfPresent(event.ticketTypeId(), (id, s) -> new Seats(s.capacity(), s.capacity() - event.seatsLeft(), s.price()));
    }

    record Seats(int capacity, int taken, BigDecimal price) {
    }

    public record Reservation(int seatsLeft, BigDecimal unitPrice) {
    }
}
