package io.booking.command.occurrence;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.booking.command.CommandRefused;
import io.booking.shared.occurrence.BookingPolicy;
import io.booking.shared.occurrence.OccurrenceCancelled;
import io.booking.shared.occurrence.OccurrenceEnded;
import io.booking.shared.occurrence.OccurrenceEvent;
import io.booking.shared.occurrence.OccurrenceScheduled;
import io.booking.shared.occurrence.OfferAccepted;
import io.booking.shared.occurrence.Organiser;
import io.booking.shared.occurrence.SeatsOffered;
import io.booking.shared.occurrence.SeatsReserved;
import io.booking.shared.occurrence.TicketType;
import io.booking.shared.occurrence.TicketTypeEvent;
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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An organiser's event, its seats and their waiting lines. Every booking of the event passes through here, so the
 * aggregate's lock and sequence number keep the seats of each ticket type within its capacity, and seats freed while
 * customers wait are offered to them before anyone else can book them. It is cached and snapshotted, so a busy event
 * is not rebuilt from its whole stream on every booking.
 */
// snapshots are Jackson documents of the fields
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE)
@Aggregate(
        cache = "occurrenceCache",
        snapshotTriggerDefinition = "occurrenceSnapshotTrigger",
        snapshotFilter = "occurrenceSnapshotFilter",
        lockFactory = "occurrenceLockFactory")
@Revision(Occurrence.REVISION)
public class Occurrence {

    /** Raised whenever the fields change, so snapshots of an older shape are skipped and the stream replayed. */
    public static final String REVISION = "2";

    static final String END_DEADLINE = "event-ended";
    static final String OFFER_DEADLINE = "offer-expired";

    @AggregateIdentifier
    private String occurrenceId;

    private Instant startsAt;
    private Instant endsAt;
    private boolean ended;
    private BookingPolicy policy;
    private Organiser organiser;
    private boolean cancelled;
    private Map<String, TicketTypeSeats> seats;

    protected Occurrence() {
        // for Axon
    }

    @CommandHandler
    public Occurrence(ScheduleOccurrence command, Clock clock, DeadlineManager deadlines) {
        if (!command.endsAt().isAfter(command.startsAt())) {
            throw CommandRefused.concerning(
                    CommandRefused.Kind.NOT_APPLICABLE,
                    "ends-before-start",
                    "the event must end after it starts",
                    "endsAt",
                    "must be after startsAt");
        }
        if (!command.startsAt().isAfter(clock.instant())) {
            throw CommandRefused.concerning(
                    CommandRefused.Kind.NOT_APPLICABLE,
                    "starts-in-the-past",
                    "the event must start in the future",
                    "startsAt",
                    "must be in the future");
        }
        refuseDuplicateNames(command.ticketTypes());
        apply(new OccurrenceScheduled(
                command.occurrenceId(),
                command.title(),
                command.description(),
                command.startsAt(),
                command.endsAt(),
                command.location(),
                command.organiser(),
                command.ticketTypes(),
                command.policy(),
                clock.instant(),
                command.category()));
        // kept in PostgreSQL (db-scheduler): it fires once, also across restarts and instances
        deadlines.schedule(command.endsAt(), END_DEADLINE);
    }

    /** Two ticket types of one event with one name could not be told apart by a customer. */
    private static void refuseDuplicateNames(List<TicketType> ticketTypes) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < ticketTypes.size(); i++) {
            if (!names.add(ticketTypes.get(i).name().toLowerCase(Locale.ROOT))) {
                throw CommandRefused.concerning(
                        CommandRefused.Kind.INVALID,
                        "duplicate-ticket-type",
                        "two ticket types of the event have the same name",
                        "ticketTypes[" + i + "].name",
                        "another ticket type has this name");
            }
        }
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
        TicketTypeSeats ticketType = reservable(command, clock.instant());
        List<OccurrenceEvent> reserved = ticketType.reserve(command.bookingId(), command.quantity());
        reserved.forEach(event -> apply(event));
        return new Reservation(((SeatsReserved) reserved.get(0)).seatsLeft(), ticketType.price());
    }

    /**
     * Why {@link #handle(ReserveSeats, Clock)} would refuse these seats now, if it would. Bookings served together
     * (see {@code BookingQueue}) ask first, so that a refused one leaves the others of its unit of work untouched.
     */
    public Optional<CommandRefused> refusalToReserve(ReserveSeats command, Instant now) {
        try {
            reservable(command, now).mayReserve(command.quantity());
            return Optional.empty();
        } catch (CommandRefused refused) {
            return Optional.of(refused);
        }
    }

    private TicketTypeSeats reservable(ReserveSeats command, Instant now) {
        TicketTypeSeats ticketType = ticketType(command.ticketTypeId());
        bookable(now);
        ReserveSeats.TransferIn transfer = command.transfer();
        if (transfer != null && !organiser.equals(transfer.fromOrganiser())) {
            throw CommandRefused.notAllowed(
                    "other-organiser", "tickets move only between events of the same organiser");
        }
        if (transfer != null && !transfer.byAdmin() && !policy.transfersAllowed()) {
            throw CommandRefused.notAllowed("transfers-not-allowed", "the target event does not accept transfers");
        }
        return ticketType;
    }

    @CommandHandler
    public void handle(ChangeCapacity command, Clock clock, DeadlineManager deadlines, WaitingListPolicy waitingList) {
        TicketTypeSeats ticketType = seats.get(command.ticketTypeId());
        if (ticketType == null) {
            throw CommandRefused.unknown("unknown-ticket-type", "the event has no such ticket type");
        }
        applyAll(ticketType.changeCapacity(command.capacity(), offering(clock.instant(), waitingList)), deadlines);
    }

    @CommandHandler
    public void handle(CancelOccurrence command, Clock clock) {
        if (cancelled) {
            throw CommandRefused.notAllowed("already-cancelled", "the event is already cancelled");
        }
        apply(new OccurrenceCancelled(occurrenceId, command.reason(), clock.instant()));
    }

    /** @return the organiser, whose other events the seats' tickets may move to */
    @CommandHandler
    public Organiser handle(
            ReleaseSeats command, Clock clock, DeadlineManager deadlines, WaitingListPolicy waitingList) {
        if (!command.byAdmin()) {
            mayRelease(command.purpose(), clock.instant());
        }
        applyAll(
                ticketType(command.ticketTypeId())
                        .release(command.bookingId(), command.quantity(), offering(clock.instant(), waitingList)),
                deadlines);
        return organiser;
    }

    @CommandHandler
    public void handle(JoinWaitingList command, Clock clock) {
        TicketTypeSeats ticketType = ticketType(command.ticketTypeId());
        bookable(clock.instant());
        ticketType
                .join(command.entryId(), command.customerId(), command.quantity(), clock.instant())
                .forEach(event -> apply(event));
    }

    @CommandHandler
    public void handle(
            LeaveWaitingList command, Clock clock, DeadlineManager deadlines, WaitingListPolicy waitingList) {
        applyAll(
                lineOf(command.entryId())
                        .leave(
                                command.entryId(),
                                command.requesterId(),
                                command.byAdmin(),
                                offering(clock.instant(), waitingList),
                                clock.instant()),
                deadlines);
    }

    @CommandHandler
    public void handle(
            LeaveAllWaitingListsOf command, Clock clock, DeadlineManager deadlines, WaitingListPolicy waitingList) {
        for (String ticketTypeId : List.copyOf(seats.keySet())) {
            List<String> entries = seats.get(ticketTypeId).line().stream()
                    .filter(waiting -> waiting.customerId().equals(command.customerId()))
                    .map(TicketTypeSeats.Waiting::entryId)
                    .toList();
            for (String entryId : entries) {
                applyAll(
                        seats.get(ticketTypeId)
                                .leave(
                                        entryId,
                                        command.customerId(),
                                        true,
                                        offering(clock.instant(), waitingList),
                                        clock.instant()),
                        deadlines);
            }
        }
    }

    /** @return the seats now taken for the booking and their price; the booking is placed in the same unit of work */
    @CommandHandler
    public Reservation handle(AcceptOffer command, Clock clock) {
        TicketTypeSeats ticketType = lineOf(command.entryId());
        if (cancelled) {
            throw CommandRefused.notAllowed("event-cancelled", "the event was cancelled; it can no longer be booked");
        }
        List<OccurrenceEvent> accepted =
                ticketType.accept(command.entryId(), command.requesterId(), command.bookingId(), clock.instant());
        OfferAccepted offer = (OfferAccepted) accepted.get(0);
        if (offer.quantity() != command.quantity()) {
            throw new CommandRefused(
                    CommandRefused.Kind.NOT_APPLICABLE,
                    "quantity-mismatch",
                    "the offer holds a different number of seats",
                    Map.of("offered", offer.quantity()));
        }
        accepted.forEach(event -> apply(event));
        return new Reservation(seats.get(offer.ticketTypeId()).free(), ticketType.price());
    }

    @CommandHandler
    public void handle(DeclineOffer command, Clock clock, DeadlineManager deadlines, WaitingListPolicy waitingList) {
        applyAll(
                lineOf(command.entryId())
                        .decline(
                                command.entryId(),
                                command.requesterId(),
                                offering(clock.instant(), waitingList),
                                clock.instant()),
                deadlines);
    }

    /** Fires once per offer (db-scheduler); an offer taken, declined or left meanwhile is simply gone. */
    @DeadlineHandler(deadlineName = OFFER_DEADLINE)
    void expire(OfferExpiry expiry, Clock clock, DeadlineManager deadlines, WaitingListPolicy waitingList) {
        TicketTypeSeats ticketType = seats.get(expiry.ticketTypeId());
        if (ticketType != null) {
            applyAll(
                    ticketType.expire(expiry.entryId(), offering(clock.instant(), waitingList), clock.instant()),
                    deadlines);
        }
    }

    /** The payload of an offer's deadline: ids only, never personal data. */
    public record OfferExpiry(String ticketTypeId, String entryId) {}

    /** Applies the events of a decision that may make offers, scheduling each offer's expiry. */
    private void applyAll(List<OccurrenceEvent> events, DeadlineManager deadlines) {
        for (OccurrenceEvent event : events) {
            apply(event);
            if (event instanceof SeatsOffered offer) {
                deadlines.schedule(
                        offer.expiresAt(), OFFER_DEADLINE, new OfferExpiry(offer.ticketTypeId(), offer.entryId()));
            }
        }
    }

    /** Offers are made until the event starts, and never held past its start. */
    private TicketTypeSeats.Offering offering(Instant now, WaitingListPolicy waitingList) {
        if (cancelled || !now.isBefore(startsAt)) {
            return TicketTypeSeats.Offering.NONE;
        }
        Instant expiry = now.plus(waitingList.offerHold());
        return new TicketTypeSeats.Offering(now, expiry.isBefore(startsAt) ? expiry : startsAt);
    }

    private TicketTypeSeats ticketType(String ticketTypeId) {
        TicketTypeSeats ticketType = seats.get(ticketTypeId);
        if (ticketType == null) {
            throw CommandRefused.notApplicable("unknown-ticket-type", "the event has no such ticket type");
        }
        return ticketType;
    }

    private TicketTypeSeats lineOf(String entryId) {
        return seats.values().stream()
                .filter(s -> s.entry(entryId).isPresent())
                .findFirst()
                .orElseThrow(() -> CommandRefused.unknown("not-on-waiting-list", "no such waiting list entry"));
    }

    private void bookable(Instant now) {
        if (cancelled) {
            throw CommandRefused.notAllowed("event-cancelled", "the event was cancelled; it can no longer be booked");
        }
        if (!now.isBefore(startsAt)) {
            throw CommandRefused.notAllowed(
                    "event-started", "the event has already started; it can no longer be booked");
        }
    }

    private void mayRelease(ReleaseSeats.Purpose purpose, Instant now) {
        switch (purpose) {
            case CANCELLATION -> {
                if (!policy.mayCancel(now, startsAt)) {
                    throw CommandRefused.notAllowed(
                            policy.cancellationsAllowed() ? "cancellation-window-closed" : "cancellations-not-allowed",
                            policy.cancellationsAllowed()
                                    ? "bookings of this event can be cancelled until "
                                            + policy.cancellationCutoffHours() + " hours before it starts"
                                    : "this event does not allow cancellations");
                }
            }
            case TRANSFER -> {
                if (!policy.transfersAllowed()) {
                    throw CommandRefused.notAllowed("transfers-not-allowed", "this event does not allow transfers");
                }
                if (!now.isBefore(startsAt)) {
                    throw CommandRefused.notAllowed(
                            "event-started", "the event has started; its tickets can no longer be transferred");
                }
                if (!policy.mayTransfer(now, startsAt)) {
                    throw CommandRefused.notAllowed(
                            "transfer-window-closed",
                            "tickets of this event can be transferred until " + policy.cancellationCutoffHours()
                                    + " hours before it starts");
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
            seats.put(
                    type.ticketTypeId(),
                    TicketTypeSeats.of(occurrenceId, type.ticketTypeId(), type.capacity(), type.price()));
        }
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
    void on(TicketTypeEvent event) {
        seats.computeIfPresent(event.ticketTypeId(), (id, s) -> s.evolve(event));
    }

    public record Reservation(int seatsLeft, BigDecimal unitPrice) {}
}
