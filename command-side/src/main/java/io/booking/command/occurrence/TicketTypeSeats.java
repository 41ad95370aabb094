package io.booking.command.occurrence;

import io.booking.command.CommandRefused;
import io.booking.shared.occurrence.CapacityChanged;
import io.booking.shared.occurrence.OccurrenceEvent;
import io.booking.shared.occurrence.OfferAccepted;
import io.booking.shared.occurrence.OfferDeclined;
import io.booking.shared.occurrence.OfferExpired;
import io.booking.shared.occurrence.SeatsOffered;
import io.booking.shared.occurrence.SeatsReleased;
import io.booking.shared.occurrence.SeatsReserved;
import io.booking.shared.occurrence.WaitingListJoined;
import io.booking.shared.occurrence.WaitingListLeft;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The seats of one ticket type and its waiting line: how many are taken, how many open offers hold, how many are
 * free (capacity = taken + held + free). Pure: a decision returns the events it leads to, or refuses; {@link #evolve}
 * applies one event. Freed seats go to the line first, in join order, to every waiting customer whose quantity fits.
 *
 * @param line waiting customers in join order; those with an open offer hold its seats
 */
record TicketTypeSeats(
        String occurrenceId, String ticketTypeId, int capacity, int taken, BigDecimal price, List<Waiting> line) {

    TicketTypeSeats {
        line = List.copyOf(line);
    }

    static TicketTypeSeats of(String occurrenceId, String ticketTypeId, int capacity, BigDecimal price) {
        return new TicketTypeSeats(occurrenceId, ticketTypeId, capacity, 0, price, List.of());
    }

    /** @param offerExpiresAt the open offer's expiry, or null while still waiting */
    record Waiting(String entryId, String customerId, int quantity, Instant offerExpiresAt) {

        boolean offered() {
            return offerExpiresAt != null;
        }
    }

    /**
     * When offers are made: from {@code now}, held until {@code expiresAt}; {@link #NONE} once the event has started
     * or was cancelled, when freed seats simply go back on sale.
     */
    record Offering(Instant now, Instant expiresAt) {
        static final Offering NONE = new Offering(null, null);
    }

    int held() {
        return line.stream()
                .filter(Waiting::offered)
                .mapToInt(Waiting::quantity)
                .sum();
    }

    int free() {
        return capacity - taken - held();
    }

    // ---- decisions

    List<OccurrenceEvent> reserve(String bookingId, int quantity) {
        mayReserve(quantity);
        return List.of(new SeatsReserved(occurrenceId, ticketTypeId, bookingId, quantity, free() - quantity));
    }

    void mayReserve(int quantity) {
        int free = free();
        if (quantity > free) {
            throw new CommandRefused(
                    CommandRefused.Kind.NOT_ALLOWED,
                    "sold-out",
                    free == 0 ? "the ticket type is sold out" : "not enough seats left for this booking",
                    Map.of("seatsLeft", free, "requested", quantity));
        }
    }

    List<OccurrenceEvent> release(String bookingId, int quantity, Offering offering) {
        return thenOffer(
                new SeatsReleased(occurrenceId, ticketTypeId, bookingId, quantity, free() + quantity), offering);
    }

    List<OccurrenceEvent> changeCapacity(int newCapacity, Offering offering) {
        if (newCapacity < taken + held()) {
            throw new CommandRefused(
                    CommandRefused.Kind.NOT_ALLOWED,
                    "below-seats-taken",
                    "the capacity cannot go below the seats already taken or held by offers",
                    Map.of("seatsTaken", taken, "seatsHeld", held(), "requested", newCapacity));
        }
        return thenOffer(
                new CapacityChanged(occurrenceId, ticketTypeId, newCapacity, newCapacity - taken - held()), offering);
    }

    List<OccurrenceEvent> join(String entryId, String customerId, int quantity, Instant now) {
        if (line.stream().anyMatch(w -> w.customerId().equals(customerId))) {
            throw CommandRefused.notAllowed(
                    "already-waiting", "you are already on the waiting list of this ticket type");
        }
        if (quantity <= free()) {
            throw new CommandRefused(
                    CommandRefused.Kind.NOT_ALLOWED,
                    "seats-available",
                    "seats are available: book instead",
                    Map.of("seatsLeft", free(), "requested", quantity));
        }
        return List.of(new WaitingListJoined(occurrenceId, ticketTypeId, entryId, customerId, quantity, now));
    }

    List<OccurrenceEvent> leave(String entryId, String requesterId, boolean byAdmin, Offering offering, Instant now) {
        Waiting entry = entryOf(entryId, requesterId, byAdmin);
        int freed = entry.offered() ? entry.quantity() : 0;
        return thenOffer(
                new WaitingListLeft(occurrenceId, ticketTypeId, entryId, entry.customerId(), now, free() + freed),
                offering);
    }

    List<OccurrenceEvent> accept(String entryId, String requesterId, String bookingId, Instant now) {
        Waiting entry = openOffer(entryId, requesterId, now);
        return List.of(new OfferAccepted(
                occurrenceId, ticketTypeId, entryId, entry.customerId(), bookingId, entry.quantity(), now));
    }

    List<OccurrenceEvent> decline(String entryId, String requesterId, Offering offering, Instant now) {
        Waiting entry = openOffer(entryId, requesterId, now);
        return thenOffer(
                new OfferDeclined(
                        occurrenceId, ticketTypeId, entryId, entry.customerId(), now, free() + entry.quantity()),
                offering);
    }

    /** The offer's deadline came: nothing when it was taken, declined or left meanwhile. */
    List<OccurrenceEvent> expire(String entryId, Offering offering, Instant now) {
        Optional<Waiting> entry = line.stream()
                .filter(w -> w.entryId().equals(entryId) && w.offered())
                .findFirst();
        if (entry.isEmpty()) {
            return List.of();
        }
        return thenOffer(
                new OfferExpired(
                        occurrenceId,
                        ticketTypeId,
                        entryId,
                        entry.get().customerId(),
                        now,
                        free() + entry.get().quantity()),
                offering);
    }

    Optional<Waiting> entry(String entryId) {
        return line.stream().filter(w -> w.entryId().equals(entryId)).findFirst();
    }

    private Waiting entryOf(String entryId, String requesterId, boolean byAdmin) {
        return entry(entryId)
                .filter(w -> byAdmin || w.customerId().equals(requesterId))
                // another customer's entry is as good as unknown to them
                .orElseThrow(() -> CommandRefused.unknown("not-on-waiting-list", "no such waiting list entry"));
    }

    private Waiting openOffer(String entryId, String requesterId, Instant now) {
        Waiting entry = entryOf(entryId, requesterId, false);
        if (!entry.offered()) {
            throw CommandRefused.notAllowed("no-offer", "there is no open offer for this entry yet");
        }
        if (!now.isBefore(entry.offerExpiresAt())) {
            throw CommandRefused.notAllowed("offer-expired", "the offer has expired");
        }
        return entry;
    }

    /** The event, then an offer to every waiting customer, in join order, whose quantity fits the seats then free. */
    private List<OccurrenceEvent> thenOffer(OccurrenceEvent event, Offering offering) {
        List<OccurrenceEvent> events = new ArrayList<>(List.of(event));
        TicketTypeSeats after = evolve(event);
        if (offering == Offering.NONE) {
            return events;
        }
        for (Waiting waiting : after.line) {
            int free = after.free();
            if (!waiting.offered() && waiting.quantity() <= free) {
                SeatsOffered offer = new SeatsOffered(
                        occurrenceId,
                        ticketTypeId,
                        waiting.entryId(),
                        waiting.customerId(),
                        waiting.quantity(),
                        offering.now(),
                        offering.expiresAt(),
                        free - waiting.quantity());
                events.add(offer);
                after = after.evolve(offer);
            }
        }
        return events;
    }

    // ---- evolution

    TicketTypeSeats evolve(OccurrenceEvent event) {
        if (event instanceof SeatsReserved e) {
            return withTaken(taken + e.quantity());
        } else if (event instanceof SeatsReleased e) {
            return withTaken(taken - e.quantity());
        } else if (event instanceof CapacityChanged e) {
            return new TicketTypeSeats(occurrenceId, ticketTypeId, e.capacity(), taken, price, line);
        } else if (event instanceof WaitingListJoined e) {
            return withLine(append(new Waiting(e.entryId(), e.customerId(), e.quantity(), null)));
        } else if (event instanceof SeatsOffered e) {
            return withLine(line.stream()
                    .map(w -> w.entryId().equals(e.entryId())
                            ? new Waiting(w.entryId(), w.customerId(), w.quantity(), e.expiresAt())
                            : w)
                    .toList());
        } else if (event instanceof OfferAccepted e) {
            return new TicketTypeSeats(
                    occurrenceId, ticketTypeId, capacity, taken + e.quantity(), price, without(e.entryId()));
        } else if (event instanceof WaitingListLeft e) {
            return withLine(without(e.entryId()));
        } else if (event instanceof OfferDeclined e) {
            return withLine(without(e.entryId()));
        } else if (event instanceof OfferExpired e) {
            return withLine(without(e.entryId()));
        }
        return this;
    }

    private TicketTypeSeats withTaken(int newTaken) {
        return new TicketTypeSeats(occurrenceId, ticketTypeId, capacity, newTaken, price, line);
    }

    private TicketTypeSeats withLine(List<Waiting> newLine) {
        return new TicketTypeSeats(occurrenceId, ticketTypeId, capacity, taken, price, newLine);
    }

    private List<Waiting> append(Waiting waiting) {
        List<Waiting> longer = new ArrayList<>(line);
        longer.add(waiting);
        return longer;
    }

    private List<Waiting> without(String entryId) {
        return line.stream().filter(w -> !w.entryId().equals(entryId)).toList();
    }
}
