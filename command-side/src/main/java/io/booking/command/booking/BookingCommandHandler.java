package io.booking.command.booking;

import io.booking.command.CommandRefused;
import io.booking.command.account.Credentials;
import io.booking.command.notification.Notifications;
import io.booking.command.occurrence.Occurrence;
import io.booking.command.occurrence.ReleaseSeats;
import io.booking.command.occurrence.ReserveSeats;
import io.booking.shared.booking.BookedTicket;
import io.booking.shared.booking.FormAnswer;
import io.booking.shared.occurrence.Organiser;
import io.booking.shared.personal.PersonalData;
import io.booking.shared.personal.PersonalDataCipher;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Books tickets across two aggregates in one unit of work (one database transaction): the event reserves the seats,
 * then the booking is created. Either both events are stored or neither.
 */
@Component
public class BookingCommandHandler {

    private final BookingReferences references;
    private final CommandGateway commands;
    private final PersonalDataCipher cipher;
    private final Credentials accounts;
    private final Notifications notifications;

    public BookingCommandHandler(BookingReferences references, CommandGateway commands, PersonalDataCipher cipher,
                                 Credentials accounts, Notifications notifications) {
        this.references = references;
        this.commands = commands;
        this.cipher = cipher;
        this.accounts = accounts;
        this.notifications = notifications;
    }

    @CommandHandler
    public BookingConfirmation handle(BookTickets command) {
        BookingReferences.Claim claim = references.claim(command);
        if (claim.existing().isPresent()) {
            if (!claim.existing().get().sameRequestAs(command)) {
                throw CommandRefused.conflict("booking-id-used", "this booking id was already used for another booking");
            }
            return new BookingConfirmation(command.bookingId(), claim.reference(), true);
        }
        place(command, claim.reference());
        return new BookingConfirmation(command.bookingId(), claim.reference(), false);
    }

    /**
     * Reserves the seats and creates the booking, whose id and reference are already claimed, within the caller's
     * unit of work (a single booking, or one line of an order).
     *
     * @return the seats left and the price they were taken at
     */
    public Occurrence.Reservation place(BookTickets command, String reference) {
        return place(command, reference, () -> commands.sendAndWait(new ReserveSeats(command.occurrenceId(),
                command.ticketTypeId(), command.bookingId(), command.attendees().size())));
    }

    /**
     * Places a booking whose seats {@code takeSeats} takes on the event (a reservation, or seats an offer held), within
     * the caller's unit of work. Every booking goes through here (single, a line of an order, an offer booked), and so
     * does its confirmation mail: into the outbox in the same transaction, sent once the booking is committed.
     */
    public Occurrence.Reservation place(BookTickets command, String reference,
                                        Supplier<Occurrence.Reservation> takeSeats) {
        // attendee names and answers belong to the customer who books: sealed with the customer's key
        String subject = command.customerId();
        String email = accounts.holdForBooking(subject)
                // a deleted account's token may still be valid until it expires
                .orElseThrow(() -> CommandRefused.notFound("no-such-account", "the account was deleted"));
        List<BookedTicket> tickets = command.attendees().stream()
                .map(a -> new BookedTicket(UUID.randomUUID().toString(), cipher.seal(subject, a.name()), a.child()))
                .toList();
        List<FormAnswer> answers = command.answers().stream()
                .map(a -> new FormAnswer(a.question(), cipher.seal(subject, a.answer())))
                .toList();
        notifications.bookingConfirmed(subject, email, reference, tickets.size());
        // sealed before the event's lock is taken: every booker of the event queues behind that lock
        Occurrence.Reservation reservation = takeSeats.get();
        commands.sendAndWait(new PlaceBooking(command.bookingId(), reference, command.occurrenceId(),
                command.ticketTypeId(), command.customerId(), tickets, answers));
        return reservation;
    }

    /**
     * Reserves the seats and creates a guest's booking, whose id and reference are already claimed: the guest is a
     * data subject of its own, with a new key that seals the contact details, attendee names and answers.
     */
    public void placeGuest(BookTickets command, String reference, GuestContact contact, byte[] guestKey) {
        String subject = command.customerId();
        List<BookedTicket> tickets = command.attendees().stream()
                .map(a -> new BookedTicket(UUID.randomUUID().toString(),
                        PersonalDataCipher.seal(subject, guestKey, a.name()), a.child()))
                .toList();
        List<FormAnswer> answers = command.answers().stream()
                .map(a -> new FormAnswer(a.question(), PersonalDataCipher.seal(subject, guestKey, a.answer())))
                .toList();
        commands.sendAndWait(new ReserveSeats(command.occurrenceId(), command.ticketTypeId(), command.bookingId(),
                command.attendees().size()));
        commands.sendAndWait(new PlaceGuestBooking(command.bookingId(), reference, command.occurrenceId(),
                command.ticketTypeId(), subject, tickets, answers,
                PersonalDataCipher.seal(subject, guestKey, contact.name()),
                PersonalDataCipher.seal(subject, guestKey, contact.email()),
                contact.phone() == null ? null : PersonalDataCipher.seal(subject, guestKey, contact.phone())));
    }

    /** How to reach a guest, in clear until sealed. */
    public record GuestContact(String name, String email, String phone) {

        @Override
        public String toString() {
            return "GuestContact[redacted]";
        }
    }

    /** Cancels and releases the seats in one unit of work: never one without the other. */
    @CommandHandler
    public void handle(RequestCancellation request) {
        PersonalData reason = sealedReason(request.bookingId(), request.reason());
        if (request.ticketId() == null) {
            List<ReleaseSeats> releases = commands.sendAndWait(new CancelBooking(request.bookingId(),
                    request.requesterId(), request.byAdmin(), reason));
            releases.forEach(commands::sendAndWait);
        } else {
            ReleaseSeats release = commands.sendAndWait(new CancelTicket(request.bookingId(), request.ticketId(),
                    request.requesterId(), request.byAdmin(), reason));
            commands.sendAndWait(release);
        }
    }

    /**
     * A reason is free text about the booking and may name people: sealed with the key of the booking's customer (or
     * guest), so it is erased with them. Once that key is gone the reason is not kept.
     */
    private PersonalData sealedReason(String bookingId, String reason) {
        if (reason == null || reason.isBlank()) {
            return null;
        }
        return references.find(bookingId).flatMap(booking -> cipher.sealIfKept(booking.customerId(), reason))
                .orElse(null);
    }

    /**
     * Moves the tickets, frees their seats on the source and takes seats on the target in one unit of work: a refusal
     * anywhere (source policy, other organiser, target policy, target sold out) rolls all three back.
     */
    @CommandHandler
    public void handle(RequestTransfer request) {
        TransferTickets transfer = request.transfer();
        Booking.SeatMove move = commands.sendAndWait(transfer);
        Organiser organiser = commands.sendAndWait(move.release());
        commands.sendAndWait(new ReserveSeats(move.toOccurrenceId(), move.toTicketTypeId(), transfer.bookingId(),
                move.quantity(), new ReserveSeats.TransferIn(organiser, transfer.byAdmin())));
        references.placedAt(transfer.bookingId(), move.toOccurrenceId());
    }

    /** @param repeated the same request was already booked; this answer repeats the first one */
    public record BookingConfirmation(String bookingId, String reference, boolean repeated) {
    }
}
