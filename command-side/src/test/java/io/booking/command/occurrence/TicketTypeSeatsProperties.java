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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random sequences of book, cancel, transfer in and out, capacity changes, join, leave, accept, decline and clock
 * moves (which fire due offer expiries) against one ticket type's seats, checked after every step against a ledger
 * kept from the events alone: booked + held by offers + free = capacity, offers go out in join order to every entry
 * that fits, and nobody waits while seats they fit are free.
 */
class TicketTypeSeatsProperties {

    private static final Instant T0 = Instant.parse("2026-06-01T09:00:00Z");
    private static final Instant START = T0.plus(Duration.ofHours(72));
    private static final Duration HOLD = Duration.ofHours(24);
    private static final int CAPACITY = 8;

    sealed interface Step permits Book, Release, ChangeCapacity, Join, Leave, Accept, Decline, Wait {}

    /** A booking, or a transfer in from elsewhere: both take free seats. */
    record Book(int quantity) implements Step {}

    /** A cancellation, or a transfer out: both free a booking's seats. */
    record Release(int pick) implements Step {}

    record ChangeCapacity(int capacity) implements Step {}

    record Join(int customer, int quantity) implements Step {}

    record Leave(int pick) implements Step {}

    record Accept(int pick) implements Step {}

    record Decline(int pick) implements Step {}

    record Wait(int hours) implements Step {}

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Integer> pick = Arbitraries.integers().between(0, 50);
        Arbitrary<Step> step = Arbitraries.oneOf(
                Arbitraries.integers().between(1, 4).map(Book::new),
                pick.map(Release::new),
                Arbitraries.integers().between(0, 14).map(ChangeCapacity::new),
                Arbitraries.integers()
                        .between(0, 6)
                        .flatMap(c -> Arbitraries.integers().between(1, 4).map(q -> new Join(c, q))),
                pick.map(Leave::new),
                pick.map(Accept::new),
                pick.map(Decline::new),
                Arbitraries.integers().between(1, 30).map(Wait::new));
        return step.list().ofMinSize(1).ofMaxSize(60);
    }

    @Property(tries = 300)
    void seatsAreNeverLostDoubledOrHeldOutOfTurn(@ForAll("steps") List<Step> steps) {
        Run run = new Run();
        for (Step step : steps) {
            run.perform(step);
            run.checkInvariants();
        }
    }

    /** The seats under test and a ledger kept only from the events they emit. */
    private static final class Run {
        TicketTypeSeats seats = TicketTypeSeats.of("ev-1", "adult", CAPACITY, BigDecimal.TEN);
        Instant now = T0;
        int sequence;
        final Map<String, Integer> booked = new LinkedHashMap<>();
        final Map<String, Integer> waiting = new LinkedHashMap<>(); // entry -> quantity, in join order
        final Map<String, Integer> offered = new LinkedHashMap<>();
        final Map<String, Instant> expiries = new LinkedHashMap<>();

        void perform(Step step) {
            try {
                if (step instanceof Book book) {
                    apply(seats.reserve("b-" + sequence++, book.quantity()));
                } else if (step instanceof Release release && !booked.isEmpty()) {
                    String bookingId = pick(new ArrayList<>(booked.keySet()), release.pick());
                    apply(seats.release(bookingId, booked.get(bookingId), offering()));
                } else if (step instanceof ChangeCapacity change) {
                    apply(seats.changeCapacity(change.capacity(), offering()));
                } else if (step instanceof Join join && now.isBefore(START)) {
                    apply(seats.join("w-" + sequence++, "c-" + join.customer(), join.quantity(), now));
                } else if (step instanceof Leave leave && !seats.line().isEmpty()) {
                    TicketTypeSeats.Waiting entry = pick(seats.line(), leave.pick());
                    apply(seats.leave(entry.entryId(), entry.customerId(), false, offering(), now));
                } else if (step instanceof Accept accept && !offered.isEmpty()) {
                    String entryId = pick(new ArrayList<>(offered.keySet()), accept.pick());
                    apply(seats.accept(entryId, customerOf(entryId), "b-" + sequence++, now));
                } else if (step instanceof Decline decline && !offered.isEmpty()) {
                    String entryId = pick(new ArrayList<>(offered.keySet()), decline.pick());
                    apply(seats.decline(entryId, customerOf(entryId), offering(), now));
                } else if (step instanceof Wait wait) {
                    now = now.plus(Duration.ofHours(wait.hours()));
                    // the deadlines that came due fire, soonest first
                    List<String> due = expiries.entrySet().stream()
                            .filter(e -> !e.getValue().isAfter(now))
                            .sorted(Map.Entry.comparingByValue())
                            .map(Map.Entry::getKey)
                            .toList();
                    for (String entryId : due) {
                        apply(seats.expire(entryId, offering(), now));
                        expiries.remove(entryId);
                    }
                }
            } catch (CommandRefused refused) {
                checkRefusal(step, refused);
            }
        }

        private void checkRefusal(Step step, CommandRefused refused) {
            switch (refused.rule()) {
                case "sold-out" -> assertThat(((Book) step).quantity()).isGreaterThan(seats.free());
                case "seats-available" -> assertThat(((Join) step).quantity()).isLessThanOrEqualTo(seats.free());
                case "already-waiting" ->
                    assertThat(seats.line()).anyMatch(w -> w.customerId().equals("c-" + ((Join) step).customer()));
                case "below-seats-taken" ->
                    assertThat(((ChangeCapacity) step).capacity()).isLessThan(seats.taken() + seats.held());
                default -> throw refused;
            }
        }

        private TicketTypeSeats.Offering offering() {
            if (!now.isBefore(START)) {
                return TicketTypeSeats.Offering.NONE;
            }
            Instant expiry = now.plus(HOLD);
            return new TicketTypeSeats.Offering(now, expiry.isBefore(START) ? expiry : START);
        }

        private String customerOf(String entryId) {
            return seats.entry(entryId).orElseThrow().customerId();
        }

        /** Applies the events and keeps the ledger, checking each offer against the line before it. */
        private void apply(List<OccurrenceEvent> events) {
            for (OccurrenceEvent event : events) {
                if (event instanceof SeatsOffered offer) {
                    assertOfferedInJoinOrder(offer);
                }
                seats = seats.evolve(event);
                ledger(event);
            }
            Integer seatsLeft = events.isEmpty() ? null : seatsLeftAfter(events.get(events.size() - 1));
            if (seatsLeft != null) {
                assertThat(seatsLeft).as("seats left as the last event tells").isEqualTo(seats.free());
            }
        }

        /** Every entry before the offered one that is still waiting wants more seats than were free. */
        private void assertOfferedInJoinOrder(SeatsOffered offer) {
            int freeBefore = offer.seatsLeft() + offer.quantity();
            assertThat(offer.quantity()).isLessThanOrEqualTo(freeBefore);
            for (Map.Entry<String, Integer> entry : waiting.entrySet()) {
                if (entry.getKey().equals(offer.entryId())) {
                    return;
                }
                assertThat(entry.getValue())
                        .as("entry %s was skipped", entry.getKey())
                        .isGreaterThan(freeBefore);
            }
            throw new AssertionError("an offer went to an entry that was not waiting: " + offer.entryId());
        }

        private void ledger(OccurrenceEvent event) {
            if (event instanceof SeatsReserved e) {
                booked.put(e.bookingId(), e.quantity());
            } else if (event instanceof SeatsReleased e) {
                booked.remove(e.bookingId());
            } else if (event instanceof WaitingListJoined e) {
                waiting.put(e.entryId(), e.quantity());
            } else if (event instanceof SeatsOffered e) {
                waiting.remove(e.entryId());
                offered.put(e.entryId(), e.quantity());
                expiries.put(e.entryId(), e.expiresAt());
            } else if (event instanceof OfferAccepted e) {
                booked.put(e.bookingId(), offered.remove(e.entryId()));
                expiries.remove(e.entryId());
            } else if (event instanceof OfferDeclined e) {
                offered.remove(e.entryId());
                expiries.remove(e.entryId());
            } else if (event instanceof OfferExpired e) {
                offered.remove(e.entryId());
            } else if (event instanceof WaitingListLeft e) {
                waiting.remove(e.entryId());
                offered.remove(e.entryId());
                expiries.remove(e.entryId());
            }
        }

        private static Integer seatsLeftAfter(OccurrenceEvent event) {
            if (event instanceof SeatsReserved e) {
                return e.seatsLeft();
            } else if (event instanceof SeatsReleased e) {
                return e.seatsLeft();
            } else if (event instanceof CapacityChanged e) {
                return e.seatsLeft();
            } else if (event instanceof SeatsOffered e) {
                return e.seatsLeft();
            } else if (event instanceof OfferDeclined e) {
                return e.seatsLeft();
            } else if (event instanceof OfferExpired e) {
                return e.seatsLeft();
            } else if (event instanceof WaitingListLeft e) {
                return e.seatsLeft();
            }
            // joining and accepting change no free seats
            return null;
        }

        void checkInvariants() {
            int bookedSeats =
                    booked.values().stream().mapToInt(Integer::intValue).sum();
            int heldSeats =
                    offered.values().stream().mapToInt(Integer::intValue).sum();
            assertThat(seats.taken()).as("booked").isEqualTo(bookedSeats);
            assertThat(seats.held()).as("held by offers").isEqualTo(heldSeats);
            assertThat(bookedSeats + heldSeats + seats.free())
                    .as("booked + held + free")
                    .isEqualTo(seats.capacity());
            assertThat(seats.free()).as("free").isGreaterThanOrEqualTo(0);
            if (now.isBefore(START)) {
                // freed seats went to the line: nobody still waiting fits the seats that are free
                assertThat(waiting.values()).allMatch(quantity -> quantity > seats.free());
            }
            assertThat(seats.line().stream()
                            .filter(w -> !w.offered())
                            .map(TicketTypeSeats.Waiting::entryId)
                            .toList())
                    .as("the line keeps join order")
                    .containsExactlyElementsOf(waiting.keySet());
        }

        private static <T> T pick(List<T> from, int index) {
            return from.get(index % from.size());
        }
    }
}
