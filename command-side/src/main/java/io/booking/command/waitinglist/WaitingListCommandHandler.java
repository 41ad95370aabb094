package io.booking.command.waitinglist;

import io.booking.command.CommandRefused;
import io.booking.command.account.Credentials;
import io.booking.command.booking.BookTickets;
import io.booking.command.booking.BookingCommandHandler;
import io.booking.command.booking.BookingReferences;
import io.booking.command.booking.BookingRetries;
import io.booking.command.occurrence.AcceptOffer;
import io.booking.command.occurrence.DeclineOffer;
import io.booking.command.occurrence.JoinWaitingList;
import io.booking.command.occurrence.LeaveWaitingList;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * The waiting list's requests, each in one unit of work: the entry's lookup row with the join, and the booking with
 * the accepted offer, commit together with the event's own events.
 */
@Component
public class WaitingListCommandHandler {

    private final WaitingEntries entries;
    private final BookingReferences references;
    private final BookingCommandHandler bookings;
    private final CommandGateway commands;
    private final Credentials credentials;
    private final BookingRetries retries;

    public WaitingListCommandHandler(
            WaitingEntries entries,
            BookingReferences references,
            BookingCommandHandler bookings,
            CommandGateway commands,
            Credentials credentials,
            BookingRetries retries) {
        this.credentials = credentials;
        this.retries = retries;
        this.entries = entries;
        this.references = references;
        this.bookings = bookings;
        this.commands = commands;
    }

    /** @return true when the same request had already joined: the answer repeats the first one */
    @CommandHandler
    public boolean handle(RequestToJoin request) {
        // an entry may come to hold seats, so only a live account may wait; held (key share) so it cannot be deleted
        // before this commits, as a booking holds it
        if (credentials.holdForBooking(request.customerId()).isEmpty()) {
            throw CommandRefused.unknown("no-such-account", "no such account");
        }
        if (!entries.claim(request)) {
            WaitingEntries.Entry existing = entries.find(request.entryId()).orElseThrow();
            if (!existing.sameRequestAs(request)) {
                throw CommandRefused.notAllowed("entry-id-used", "this entry id was already used for another entry");
            }
            return true;
        }
        commands.sendAndWait(new JoinWaitingList(
                request.occurrenceId(),
                request.ticketTypeId(),
                request.entryId(),
                request.customerId(),
                request.quantity()));
        return false;
    }

    @CommandHandler
    public void handle(RequestOnEntry request) {
        WaitingEntries.Entry entry = entryFor(request.entryId(), request.requesterId(), request.byAdmin());
        commands.sendAndWait(
                switch (request.action()) {
                    case LEAVE ->
                        new LeaveWaitingList(
                                entry.occurrenceId(), entry.entryId(), request.requesterId(), request.byAdmin());
                    case DECLINE -> new DeclineOffer(entry.occurrenceId(), entry.entryId(), request.requesterId());
                });
    }

    @CommandHandler
    public BookingCommandHandler.BookingConfirmation handle(BookOffer request) {
        WaitingEntries.Entry entry = entryFor(request.entryId(), request.customerId(), false);
        BookTickets booking = new BookTickets(
                request.bookingId(),
                entry.occurrenceId(),
                entry.ticketTypeId(),
                request.customerId(),
                request.attendees(),
                request.answers());
        BookingReferences.Claim claim = references.claim(booking);
        if (claim.existing().isPresent()) {
            if (!claim.existing().get().sameRequestAs(booking) || !retries.sameDetails(booking)) {
                throw CommandRefused.notAllowed(
                        "booking-id-used", "this booking id was already used for another booking");
            }
            return new BookingCommandHandler.BookingConfirmation(request.bookingId(), claim.reference(), true);
        }
        bookings.place(
                booking,
                claim.reference(),
                () -> commands.sendAndWait(new AcceptOffer(
                        entry.occurrenceId(),
                        entry.entryId(),
                        request.customerId(),
                        request.bookingId(),
                        request.attendees().size())));
        return new BookingCommandHandler.BookingConfirmation(request.bookingId(), claim.reference(), false);
    }

    /** Another customer's entry is as good as unknown to them. */
    private WaitingEntries.Entry entryFor(String entryId, String requesterId, boolean byAdmin) {
        return entries.find(entryId)
                .filter(entry -> byAdmin || entry.customerId().equals(requesterId))
                .orElseThrow(() -> CommandRefused.unknown("not-on-waiting-list", "no such waiting list entry"));
    }
}
