package io.booking.command.booking;

import io.booking.command.CommandRefused;
import io.booking.command.account.Credentials;
import io.booking.command.axon.NoSuchAggregate;
import io.booking.command.guest.GuestBookings;
import io.booking.command.notification.Mail;
import io.booking.command.notification.Notifications;
import io.booking.command.occurrence.Occurrence;
import io.booking.command.occurrence.ReleaseSeats;
import io.booking.command.occurrence.ReserveSeats;
import io.booking.command.personal.PersonalDataKeyStore;
import io.booking.command.security.OneTimeTokens;
import io.booking.shared.booking.BookedTicket;
import io.booking.shared.booking.FormAnswer;
import io.booking.shared.occurrence.Organiser;
import io.booking.shared.personal.PersonalData;
import io.booking.shared.personal.PersonalDataCipher;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
    private final Repository<Occurrence> occurrences;
    private final BookingRetries retries;
    private final GuestBookings guests;
    private final PersonalDataKeyStore keys;

    public BookingCommandHandler(
            BookingReferences references,
            CommandGateway commands,
            PersonalDataCipher cipher,
            Credentials accounts,
            Notifications notifications,
            @Qualifier("occurrenceRepository") Repository<Occurrence> occurrences,
            BookingRetries retries,
            GuestBookings guests,
            PersonalDataKeyStore keys) {
        this.guests = guests;
        this.keys = keys;
        this.occurrences = occurrences;
        this.retries = retries;
        this.references = references;
        this.commands = commands;
        this.cipher = cipher;
        this.accounts = accounts;
        this.notifications = notifications;
    }

    /**
     * Places every queued booking that may be placed: each event is held once, and the database statements are one per
     * step for all of them (accounts, booking ids, confirmation mails), so bookings do not wait on one another's round
     * trips. The events are held and their bookings placed in the order of their ids, the one order every unit of work
     * that holds several events takes. A booking refused here (sold out, no such event, account deleted, booking id used
     * for another booking) leaves no trace: its claim on the booking id is given back. A guest's booking stores its key
     * and manage link with it.
     *
     * @return an outcome per queued booking, in their order
     */
    @CommandHandler
    public List<BookTicketsTogether.Outcome> handle(BookTicketsTogether command, Clock clock) {
        // a client's retry queued beside its first try: it gets the first one's outcome
        Map<String, BookTicketsTogether.Queued> distinct = new LinkedHashMap<>();
        command.bookings().stream()
                .sorted(Comparator.comparing(
                        (BookTicketsTogether.Queued queued) -> queued.booking().occurrenceId()))
                .forEach(queued -> distinct.putIfAbsent(queued.booking().bookingId(), queued));
        Map<String, String> emails = accounts.holdForBookings(distinct.values().stream()
                .filter(queued -> queued.guest() == null)
                .map(queued -> queued.booking().customerId())
                .distinct()
                .toList());
        Map<String, BookingReferences.Claim> claims = references.claimAll(distinct.values().stream()
                .map(BookTicketsTogether.Queued::booking)
                .toList());
        Map<String, Optional<Aggregate<Occurrence>>> events = new HashMap<>();
        distinct.values()
                .forEach(queued -> events.computeIfAbsent(queued.booking().occurrenceId(), this::loadIfAny));
        Instant now = clock.instant();

        Map<String, BookTicketsTogether.Outcome> outcomes = new HashMap<>();
        List<String> refusedClaims = new ArrayList<>();
        List<Mail> confirmations = new ArrayList<>();
        for (BookTicketsTogether.Queued queued : distinct.values()) {
            BookTickets booking = queued.booking();
            BookingReferences.Claim claim = claims.get(booking.bookingId());
            if (claim.existing().isPresent()) {
                outcomes.put(
                        booking.bookingId(),
                        sameRequest(claim.existing().get(), queued, null)
                                ? BookTicketsTogether.Outcome.booked(
                                        new BookingConfirmation(booking.bookingId(), claim.reference(), true))
                                : BookTicketsTogether.Outcome.refused(bookingIdUsed()));
                continue;
            }
            BookTicketsTogether.Guest guest = queued.guest();
            String email = guest == null
                    ? emails.get(booking.customerId())
                    : guest.contact().email();
            ReserveSeats reserve = new ReserveSeats(
                    booking.occurrenceId(),
                    booking.ticketTypeId(),
                    booking.bookingId(),
                    booking.attendees().size());
            Optional<? extends RuntimeException> refusal =
                    refusalToReserve(events.get(booking.occurrenceId()), email, reserve, now);
            if (refusal.isPresent()) {
                refusedClaims.add(booking.bookingId());
                outcomes.put(booking.bookingId(), BookTicketsTogether.Outcome.refused(refusal.get()));
                continue;
            }
            if (guest == null) {
                confirmations.add(notifications.bookingConfirmation(
                        booking.customerId(),
                        email,
                        claim.reference(),
                        queued.tickets().size()));
            } else {
                keys.keep(booking.customerId(), guest.key());
                guests.register(booking.bookingId(), booking.customerId(), OneTimeTokens.hash(guest.manageToken()));
                confirmations.add(notifications.guestBookingConfirmation(
                        booking.customerId(),
                        email,
                        claim.reference(),
                        queued.tickets().size(),
                        guest.manageToken()));
            }
            PlaceBooking place = new PlaceBooking(
                    booking.bookingId(),
                    claim.reference(),
                    booking.occurrenceId(),
                    booking.ticketTypeId(),
                    booking.customerId(),
                    queued.tickets(),
                    queued.answers(),
                    guest == null ? null : guest.sealed());
            // each booking's events carry its own request's metadata: who booked
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(reserve).andMetaData(queued.metaData()));
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(place).andMetaData(queued.metaData()));
            outcomes.put(
                    booking.bookingId(),
                    BookTicketsTogether.Outcome.booked(new BookingConfirmation(
                            booking.bookingId(),
                            claim.reference(),
                            false,
                            guest == null ? null : guest.manageToken())));
        }
        references.releaseAll(refusedClaims);
        notifications.bookingsConfirmed(confirmations);
        return command.bookings().stream()
                .map(queued -> {
                    BookTicketsTogether.Queued firstTry =
                            distinct.get(queued.booking().bookingId());
                    BookTicketsTogether.Outcome first =
                            outcomes.get(queued.booking().bookingId());
                    return queued == firstTry ? first : repeated(first, firstTry, queued);
                })
                .toList();
    }

    /** Why a booking may not take its seats: no such event, the customer's account is gone, or the event's rules. */
    private static Optional<? extends RuntimeException> refusalToReserve(
            Optional<Aggregate<Occurrence>> occurrence, String email, ReserveSeats reserve, Instant now) {
        if (occurrence.isEmpty()) {
            return Optional.of(new NoSuchAggregate(reserve.occurrenceId(), "occurrenceId"));
        }
        if (email == null) {
            return Optional.of(accountDeleted());
        }
        return occurrence.get().invoke(event -> event.refusalToReserve(reserve, now));
    }

    /** Empty when no event has the id, or something of another kind has it (a booking's id given as an event's). */
    private Optional<Aggregate<Occurrence>> loadIfAny(String occurrenceId) {
        try {
            return Optional.of(occurrences.load(occurrenceId));
        } catch (AggregateNotFoundException | IncompatibleAggregateException none) {
            return Optional.empty();
        }
    }

    /** The outcome of a retry that queued beside its first try, as if it had come just after it. */
    private BookTicketsTogether.Outcome repeated(
            BookTicketsTogether.Outcome first, BookTicketsTogether.Queued firstTry, BookTicketsTogether.Queued retry) {
        // a booking placed by this unit of work is not in the store yet: the retry is compared with its request
        boolean placedNow =
                first.confirmation() != null && !first.confirmation().repeated();
        return references
                .find(retry.booking().bookingId())
                .map(placed -> sameRequest(placed, retry, placedNow ? firstTry : null)
                        ? BookTicketsTogether.Outcome.booked(
                                new BookingConfirmation(retry.booking().bookingId(), placed.reference(), true))
                        : BookTicketsTogether.Outcome.refused(bookingIdUsed()))
                // the first try was refused and left nothing
                .orElse(first);
    }

    /**
     * Whether a retry asks for the booking already placed with its id: the same event, ticket type, attendees and
     * answers, and the same customer (a guest's: the same contact, as every guest booking has a subject of its own).
     *
     * @param placedNowBy the first try, when this unit of work placed it (not in the store yet); else null
     */
    private boolean sameRequest(
            BookingReferences.Existing placed,
            BookTicketsTogether.Queued retry,
            BookTicketsTogether.Queued placedNowBy) {
        BookTickets booking = retry.booking();
        GuestContact guest = retry.guest() == null ? null : retry.guest().contact();
        boolean sameCustomer = guest == null ? placed.sameRequestAs(booking) : placed.sameGuestRequestAs(booking);
        if (placedNowBy != null) {
            GuestContact first =
                    placedNowBy.guest() == null ? null : placedNowBy.guest().contact();
            return sameCustomer
                    && (guest == null ? first == null : guest.sameAs(first))
                    && BookingRetries.sameDetails(placedNowBy.booking(), booking);
        }
        return sameCustomer
                && (guest == null
                        ? retries.sameDetails(booking)
                        : guests.isGuestBooking(booking.bookingId()) && retries.sameGuestDetails(booking, guest));
    }

    private static CommandRefused bookingIdUsed() {
        return CommandRefused.notAllowed("booking-id-used", "this booking id was already used for another booking");
    }

    static CommandRefused accountDeleted() {
        // a deleted account's token may still be valid until it expires
        return CommandRefused.unknown("no-such-account", "the account was deleted");
    }

    /**
     * Attendee names and answers sealed with the key of the customer who books; empty once that key is gone (the
     * account was deleted).
     */
    public Optional<Sealed> seal(BookTickets command) {
        String subject = command.customerId();
        List<BookedTicket> tickets = new ArrayList<>();
        for (BookTickets.Attendee attendee : command.attendees()) {
            Optional<PersonalData> name = cipher.sealIfKept(subject, attendee.name());
            if (name.isEmpty()) {
                return Optional.empty();
            }
            tickets.add(new BookedTicket(UUID.randomUUID().toString(), name.get(), attendee.child()));
        }
        List<FormAnswer> answers = command.answers().stream()
                .map(a -> new FormAnswer(a.question(), cipher.seal(subject, a.answer())))
                .toList();
        return Optional.of(new Sealed(tickets, answers));
    }

    /** A booking's attendees and answers, sealed. */
    public record Sealed(List<BookedTicket> tickets, List<FormAnswer> answers) {}

    /**
     * Reserves the seats and creates the booking, whose id and reference are already claimed, within the caller's
     * unit of work (one line of an order).
     *
     * @return the seats left and the price they were taken at
     */
    public Occurrence.Reservation place(BookTickets command, String reference) {
        return place(
                command,
                reference,
                () -> commands.sendAndWait(new ReserveSeats(
                        command.occurrenceId(),
                        command.ticketTypeId(),
                        command.bookingId(),
                        command.attendees().size())));
    }

    /**
     * Places a booking whose seats {@code takeSeats} takes on the event (a reservation, or seats an offer held), within
     * the caller's unit of work: a line of an order, or an offer booked. Its confirmation mail goes into the outbox in
     * the same transaction, sent once the booking is committed. Single bookings are placed together instead
     * ({@link #handle(BookTicketsTogether, Clock)}).
     */
    public Occurrence.Reservation place(
            BookTickets command, String reference, Supplier<Occurrence.Reservation> takeSeats) {
        String email = accounts.holdForBooking(command.customerId()).orElseThrow(BookingCommandHandler::accountDeleted);
        Sealed sealed = seal(command).orElseThrow(BookingCommandHandler::accountDeleted);
        notifications.bookingConfirmed(
                command.customerId(), email, reference, sealed.tickets().size());
        // sealed before the event's lock is taken: every booker of the event queues behind that lock
        Occurrence.Reservation reservation = takeSeats.get();
        commands.sendAndWait(new PlaceBooking(
                command.bookingId(),
                reference,
                command.occurrenceId(),
                command.ticketTypeId(),
                command.customerId(),
                sealed.tickets(),
                sealed.answers()));
        return reservation;
    }

    /**
     * A guest's booking, ready to queue: the guest is a data subject of its own (the booking's customer id), with a new
     * key that seals the attendee names, answers and contact; the key is stored with the booking.
     */
    public BookTicketsTogether.Queued sealAsGuest(BookTickets booking, GuestContact contact, Map<String, ?> metaData) {
        String subject = booking.customerId();
        byte[] key = PersonalDataCipher.newKey();
        List<BookedTicket> tickets = booking.attendees().stream()
                .map(a -> new BookedTicket(
                        UUID.randomUUID().toString(), PersonalDataCipher.seal(subject, key, a.name()), a.child()))
                .toList();
        List<FormAnswer> answers = booking.answers().stream()
                .map(a -> new FormAnswer(a.question(), PersonalDataCipher.seal(subject, key, a.answer())))
                .toList();
        return new BookTicketsTogether.Queued(
                booking,
                tickets,
                answers,
                metaData,
                new BookTicketsTogether.Guest(
                        contact,
                        key,
                        OneTimeTokens.newToken(),
                        new PlaceBooking.GuestContact(
                                PersonalDataCipher.seal(subject, key, contact.name()),
                                PersonalDataCipher.seal(subject, key, contact.email()),
                                contact.phone() == null
                                        ? null
                                        : PersonalDataCipher.seal(subject, key, contact.phone()))));
    }

    /** How to reach a guest, in clear until sealed. */
    public record GuestContact(String name, String email, String phone) {

        /** Emails are compared without case, as everywhere else. */
        boolean sameAs(GuestContact other) {
            return other != null
                    && name.equals(other.name)
                    && email.equalsIgnoreCase(other.email)
                    && Objects.equals(phone, other.phone);
        }

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
            List<ReleaseSeats> releases = commands.sendAndWait(
                    new CancelBooking(request.bookingId(), request.requesterId(), request.byAdmin(), reason));
            lockInOrder(releases.stream().map(ReleaseSeats::occurrenceId).toList());
            releases.forEach(commands::sendAndWait);
        } else {
            ReleaseSeats release = commands.sendAndWait(new CancelTicket(
                    request.bookingId(), request.ticketId(), request.requesterId(), request.byAdmin(), reason));
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
        return references
                .find(bookingId)
                .flatMap(booking -> cipher.sealIfKept(booking.customerId(), reason))
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
        lockInOrder(List.of(move.release().occurrenceId(), move.toOccurrenceId()));
        Organiser organiser = commands.sendAndWait(move.release());
        commands.sendAndWait(new ReserveSeats(
                move.toOccurrenceId(),
                move.toTicketTypeId(),
                transfer.bookingId(),
                move.quantity(),
                new ReserveSeats.TransferIn(organiser, transfer.byAdmin())));
        references.placedAt(transfer.bookingId(), move.toOccurrenceId());
    }

    /**
     * Takes the events' locks, held to the end of this unit of work, in one global order (by id), as orders do: two
     * transfers crossing between two events in opposite directions took them in opposite orders, and one of them was
     * refused as a deadlock. The commands sent on find the events loaded and locked.
     */
    private void lockInOrder(List<String> occurrenceIds) {
        occurrenceIds.stream().distinct().sorted().forEach(occurrences::load);
    }

    /**
     * @param repeated    the same request was already booked; this answer repeats the first one
     * @param manageToken a guest booking's manage link token, in its first answer only
     */
    public record BookingConfirmation(String bookingId, String reference, boolean repeated, String manageToken) {

        public BookingConfirmation(String bookingId, String reference, boolean repeated) {
            this(bookingId, reference, repeated, null);
        }

        @Override
        public String toString() {
            return "BookingConfirmation[bookingId=" + bookingId + ", repeated=" + repeated + "]";
        }
    }
}
