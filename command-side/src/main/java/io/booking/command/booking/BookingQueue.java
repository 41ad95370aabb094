package io.booking.command.booking;

import io.booking.command.CommandRefused;
import io.booking.command.consistency.CommandDispatcher;
import io.booking.command.consistency.Metadata;
import io.booking.command.security.Actor;
import io.booking.platform.DatabaseUnavailable;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Single bookings (a customer's or a guest's) wait in line, and the first in line places everyone waiting behind it in
 * one unit of work ({@link BookTicketsTogether}). One booking at a time, each booking of a busy event held the event
 * for its append and its commit, two round trips and a WAL flush; placed together they share them
 * (docs/architecture.md, "Bookings placed together"). Bookings of different events share a line too
 * ({@code booking.sale.lines} lines, an event always in the same one), so spread load shares commits as well. Nobody
 * waits for a batch to fill: the first in line starts at once with whoever is there, and whoever arrives meanwhile goes
 * with the next.
 * <p>
 * The line only gathers bookings; each event's lock still decides. Orders, offers, transfers and cancellations take
 * those locks between two batches, and a second instance's batch for the same event conflicts at the append as before.
 */
@Component
public class BookingQueue {

    private final ConcurrentMap<Integer, Line> lines = new ConcurrentHashMap<>();
    private final CommandGateway commands;
    private final CommandDispatcher dispatcher;
    private final BookingCommandHandler handler;
    private final int maxTogether;
    private final int lineCount;

    public BookingQueue(
            CommandGateway commands,
            CommandDispatcher dispatcher,
            BookingCommandHandler handler,
            SaleSettings settings) {
        this.commands = commands;
        this.dispatcher = dispatcher;
        this.handler = handler;
        this.maxTogether = settings.maxBookingsPerCommit();
        this.lineCount = settings.lines();
    }

    /**
     * Books as {@code actor}, with every booking of the same event that is waiting too.
     *
     * @return the confirmation, and the position of the booking's events in the store (its consistency token)
     * @throws CommandRefused when this booking is refused; the others of its batch are not affected
     */
    public CommandDispatcher.Dispatched<BookingCommandHandler.BookingConfirmation> book(
            BookTickets booking, Actor actor) {
        // sealed on the request's own thread: the one serving the line has enough to do
        BookingCommandHandler.Sealed sealed = handler.seal(booking).orElseThrow(BookingCommandHandler::accountDeleted);
        return inLine(
                new BookTicketsTogether.Queued(booking, sealed.tickets(), sealed.answers(), metaData(actor), null));
    }

    /**
     * Books as a guest ({@code booking.customerId()} a new guest subject), in the same line as every other booking.
     *
     * @return as {@link #book}, with the manage link's token in the first answer
     */
    public CommandDispatcher.Dispatched<BookingCommandHandler.BookingConfirmation> bookAsGuest(
            BookTickets booking, BookingCommandHandler.GuestContact contact, Actor actor) {
        return inLine(handler.sealAsGuest(booking, contact, metaData(actor)));
    }

    private static Map<String, ?> metaData(Actor actor) {
        return Map.of(
                Metadata.ACTOR,
                actor.asMetaData(),
                Metadata.CORRELATION_ID,
                UUID.randomUUID().toString());
    }

    private CommandDispatcher.Dispatched<BookingCommandHandler.BookingConfirmation> inLine(
            BookTicketsTogether.Queued queued) {
        Waiting me = new Waiting(queued);
        int lineOf = Math.floorMod(queued.booking().occurrenceId().hashCode(), lineCount);
        Line line;
        Boolean serving;
        do {
            line = lines.computeIfAbsent(lineOf, id -> new Line());
            serving = line.join(me);
            if (serving == null) {
                // closed by its last server, who is about to remove it: not waiting for that
                lines.remove(lineOf, line);
            }
        } while (serving == null);
        if (serving || me.awaitAnswerOrTurn()) {
            serve(lineOf, line);
        }
        return me.answer.get();
    }

    private void serve(int lineOf, Line line) {
        List<Waiting> batch = line.takeUpTo(maxTogether);
        List<Answer> answers = new ArrayList<>();
        try {
            answers = placeTogether(batch);
            RuntimeException failure = answers.isEmpty() ? null : answers.get(0).failure;
            if (failure != null && DatabaseUnavailable.causes(failure)) {
                // the database is away: those waiting meanwhile would each wait for it again; all are answered now
                List<Waiting> waiting = line.takeUpTo(Integer.MAX_VALUE);
                answer(
                        waiting,
                        waiting.stream().map(w -> Answer.failed(failure)).toList());
            }
        } finally {
            // the next in line starts while these are answered
            if (line.handOver()) {
                lines.remove(lineOf, line);
            }
            answer(batch, answers);
        }
    }

    private List<Answer> placeTogether(List<Waiting> batch) {
        RuntimeException failure;
        try {
            return send(batch);
        } catch (ConcurrencyException conflict) {
            // another instance stored events of one of these events since this one read it; the rollback dropped the
            // cached events, so a second try reads them afresh
            try {
                return send(batch);
            } catch (RuntimeException again) {
                failure = again;
            }
        } catch (RuntimeException e) {
            failure = e;
        }
        if (batch.size() == 1 || DatabaseUnavailable.causes(failure)) {
            // alone or all together: while the database is away, each on its own would wait for it again
            RuntimeException cause = failure;
            return batch.stream().map(waiting -> Answer.failed(cause)).toList();
        }
        // the unit of work failed as a whole (it conflicts again): each on its own, so that one booking's failure is
        // not the others'
        return batch.stream()
                .map(waiting -> placeTogether(List.of(waiting)).get(0))
                .toList();
    }

    private List<Answer> send(List<Waiting> batch) {
        List<BookTicketsTogether.Outcome> outcomes = commands.sendAndWait(new BookTicketsTogether(
                batch.stream().map(waiting -> waiting.queued).toList()));
        return outcomes.stream().map(Answer::of).toList();
    }

    private void answer(List<Waiting> batch, List<Answer> answers) {
        Map<String, Long> positions = Map.of();
        try {
            positions = dispatcher.latestPositionsOf(answers.stream()
                    .filter(answer -> answer.confirmation != null)
                    .map(answer -> answer.confirmation.bookingId())
                    .toList());
        } catch (RuntimeException e) {
            // the bookings are stored; their answers go without a consistency token
        }
        for (int i = 0; i < batch.size(); i++) {
            Answer answer = i < answers.size()
                    ? answers.get(i)
                    : Answer.failed(new IllegalStateException("the booking was not served"));
            Long position = answer.confirmation == null ? null : positions.get(answer.confirmation.bookingId());
            batch.get(i).answer(answer.withPosition(position));
        }
    }

    /** The bookings of a line's events waiting to be served, and whether one of them is serving the others. */
    private static final class Line {

        private final Deque<Waiting> waiting = new ArrayDeque<>();
        private boolean served;
        private boolean closed;

        /** @return whether the newcomer serves the line (nobody did), or null when the line closed meanwhile */
        synchronized Boolean join(Waiting newcomer) {
            if (closed) {
                return null;
            }
            waiting.addLast(newcomer);
            if (served) {
                return false;
            }
            served = true;
            return true;
        }

        /** The server is always the first in line, so its own booking is among these. */
        synchronized List<Waiting> takeUpTo(int max) {
            List<Waiting> taken = new ArrayList<>(Math.min(max, waiting.size()));
            while (taken.size() < max && !waiting.isEmpty()) {
                taken.add(waiting.pollFirst());
            }
            return taken;
        }

        /** @return true when nobody was left waiting, so the line closed */
        synchronized boolean handOver() {
            Waiting next = waiting.peekFirst();
            if (next == null) {
                served = false;
                closed = true;
                return true;
            }
            next.yourTurn();
            return false;
        }
    }

    /** One booking in line: it is answered, or it is its turn to serve the line. */
    private static final class Waiting {

        private final BookTicketsTogether.Queued queued;
        private boolean turn;
        private Answer answer;

        Waiting(BookTicketsTogether.Queued queued) {
            this.queued = queued;
        }

        /**
         * Waits without giving up on an interrupt: a booking in line may be handed the turn to serve the others, and
         * they would wait for ever if it left.
         *
         * @return true when it is this booking's turn to serve the line; false when it was answered
         */
        synchronized boolean awaitAnswerOrTurn() {
            boolean interrupted = false;
            while (!turn && answer == null) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return answer == null;
        }

        synchronized void yourTurn() {
            turn = true;
            notifyAll();
        }

        synchronized void answer(Answer answer) {
            this.answer = answer;
            notifyAll();
        }
    }

    private record Answer(
            BookingCommandHandler.BookingConfirmation confirmation, Long position, RuntimeException failure) {

        static Answer of(BookTicketsTogether.Outcome outcome) {
            return new Answer(outcome.confirmation(), null, outcome.refusal());
        }

        static Answer failed(RuntimeException failure) {
            return new Answer(null, null, failure);
        }

        Answer withPosition(Long position) {
            return new Answer(confirmation, position, failure);
        }

        CommandDispatcher.Dispatched<BookingCommandHandler.BookingConfirmation> get() {
            if (failure != null) {
                throw failure;
            }
            return new CommandDispatcher.Dispatched<>(
                    confirmation, position == null ? OptionalLong.empty() : OptionalLong.of(position));
        }
    }
}
