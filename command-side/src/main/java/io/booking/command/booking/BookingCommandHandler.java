package io.booking.command.booking;

import io.booking.command.CommandRefused;
import io.booking.command.occurrence.ReserveSeats;
import io.booking.command.occurrence.Reservation;
import io.booking.shared.booking.BookedTicket;
import io.booking.shared.booking.FormAnswer;
import io.booking.shared.personal.PersonalDataCipher;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Books tickets across two aggregates in one unit of work (one database transaction): the event reserves the seats,
 * then each booking is created. Either all events of the unit are stored or none. Refusals are answers, not
 * exceptions, so one sold-out request does not undo the others booked with it.
 */
@Component
public class BookingCommandHandler {

    private final BookingReferences references;
    private final CommandGateway commands;
    private final PersonalDataCipher cipher;

    public BookingCommandHandler(BookingReferences references, CommandGateway commands, PersonalDataCipher cipher) {
        this.references = references;
        this.commands = commands;
        this.cipher = cipher;
    }

    @CommandHandler
    public List<BookingOutcome> handle(BookTicketsTogether command) {
        List<BookTicketsTogether.Request> requests = command.requests();
        BookingOutcome[] outcomes = new BookingOutcome[requests.size()];
        Map<String, Integer> claimedAt = new HashMap<>();
        Map<Integer, Integer> sameAsFirstAttempt = new HashMap<>();
        List<Claimed> claimed = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            BookTickets booking = requests.get(i).booking();
            BookingReferences.Claim claim = references.claim(booking);
            if (claim.existing().isEmpty()) {
                claimedAt.put(booking.bookingId(), i);
                claimed.add(new Claimed(i, requests.get(i), claim.reference()));
            } else if (!claim.existing().get().sameRequestAs(booking)) {
                outcomes[i] = BookingOutcome.refused(booking.bookingId(),
                        CommandRefused.conflict("booking-id-used", "this booking id was already used for another booking"));
            } else if (claimedAt.containsKey(booking.bookingId())) {
                // a retry that arrived together with its first attempt gets the first attempt's answer
                sameAsFirstAttempt.put(i, claimedAt.get(booking.bookingId()));
            } else {
                outcomes[i] = BookingOutcome.booked(booking.bookingId(), claim.reference(), true);
            }
        }
        if (!claimed.isEmpty()) {
            reserveAndPlace(command.occurrenceId(), claimed, outcomes);
        }
        sameAsFirstAttempt.forEach((retry, first) -> outcomes[retry] = outcomes[first]);
        return List.of(outcomes);
    }

    private void reserveAndPlace(String occurrenceId, List<Claimed> claimed, BookingOutcome[] outcomes) {
        List<ReserveSeats.SeatRequest> seatRequests = claimed.stream().map(c -> new ReserveSeats.SeatRequest(
                c.booking().bookingId(), c.booking().ticketTypeId(), c.booking().attendees().size(),
                c.request().origin())).toList();
        List<Reservation> reservations = commands.sendAndWait(new ReserveSeats(occurrenceId, seatRequests));
        for (int i = 0; i < claimed.size(); i++) {
            Claimed c = claimed.get(i);
            Reservation reservation = reservations.get(i);
            if (reservation.reserved()) {
                place(c);
                outcomes[c.index()] = BookingOutcome.booked(c.booking().bookingId(), c.reference(), false);
            } else {
                references.release(c.booking().bookingId());
                outcomes[c.index()] = BookingOutcome.refused(c.booking().bookingId(), reservation.refusal());
            }
        }
    }

    private void place(Claimed c) {
        BookTickets booking = c.booking();
        // attendee names and answers belong to the customer who books: sealed with the customer's key
        String subject = booking.customerId();
        List<BookedTicket> tickets = booking.attendees().stream()
                .map(a -> new BookedTicket(UUID.randomUUID().toString(), cipher.seal(subject, a.name()), a.child()))
                .toList();
        List<FormAnswer> answers = booking.answers().stream()
                .map(a -> new FormAnswer(a.question(), cipher.seal(subject, a.answer())))
                .toList();
        PlaceBooking place = new PlaceBooking(booking.bookingId(), c.reference(), booking.occurrenceId(),
                booking.ticketTypeId(), booking.customerId(), tickets, answers);
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(place).andMetaData(c.request().origin().asMetaData()));
    }

    private record Claimed(int index, BookTicketsTogether.Request request, String reference) {

        BookTickets booking() {
            return request.booking();
        }
    }
}
