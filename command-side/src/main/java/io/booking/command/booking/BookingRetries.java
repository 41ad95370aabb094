package io.booking.command.booking;

import io.booking.shared.booking.BookedTicket;
import io.booking.shared.booking.FormAnswer;
import io.booking.shared.booking.GuestContactRecorded;
import io.booking.shared.booking.TicketsBooked;
import io.booking.shared.personal.PersonalDataCipher;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Objects;

/**
 * Whether a request that comes with a booking id already used asks for what that booking holds: the same attendees
 * (name, child) and answers. The claim table compares customer, event, ticket type and quantity; names and answers are
 * personal data and live only sealed in the booking's first event, so they are opened and compared only when a
 * booking id comes again. A retry with other names is a conflict, not a booking its client would think it changed.
 */
@Component
public class BookingRetries {

    private final EventStorageEngine events;
    private final PersonalDataCipher cipher;

    public BookingRetries(EventStorageEngine events, PersonalDataCipher cipher) {
        this.events = events;
        this.cipher = cipher;
    }

    /** @return whether the booking {@code retry} names was booked with the same attendees and answers */
    public boolean sameDetails(BookTickets retry) {
        DomainEventStream stream = events.readEvents(retry.bookingId(), 0);
        return stream.hasNext()
                && stream.next().getPayload() instanceof TicketsBooked booked
                && sameDetails(booked, retry);
    }

    /** @return whether the guest booking {@code retry} names was booked with the same details and the same contact */
    public boolean sameGuestDetails(BookTickets retry, BookingCommandHandler.GuestContact contact) {
        DomainEventStream stream = events.readEvents(retry.bookingId(), 0);
        if (!stream.hasNext()
                || !(stream.next().getPayload() instanceof TicketsBooked booked)
                || !sameDetails(booked, retry)
                || !stream.hasNext()
                || !(stream.next().getPayload() instanceof GuestContactRecorded recorded)) {
            return false;
        }
        return contact.sameAs(new BookingCommandHandler.GuestContact(
                cipher.open(recorded.name()), cipher.open(recorded.email()), cipher.open(recorded.phone())));
    }

    private boolean sameDetails(TicketsBooked booked, BookTickets retry) {
        List<BookedTicket> tickets = booked.tickets();
        if (tickets.size() != retry.attendees().size()
                || booked.answers().size() != retry.answers().size()) {
            return false;
        }
        for (int i = 0; i < tickets.size(); i++) {
            BookTickets.Attendee asked = retry.attendees().get(i);
            if (tickets.get(i).child() != asked.child()
                    || !asked.name().equals(cipher.open(tickets.get(i).attendeeName()))) {
                return false;
            }
        }
        for (int i = 0; i < booked.answers().size(); i++) {
            FormAnswer given = booked.answers().get(i);
            BookTickets.Answer asked = retry.answers().get(i);
            if (!Objects.equals(given.question(), asked.question())
                    || !Objects.equals(cipher.open(given.answer()), asked.answer())) {
                return false;
            }
        }
        return true;
    }

    /** Two requests with one booking id queued together: the same request when they ask for the same. */
    public static boolean sameDetails(BookTickets first, BookTickets retry) {
        return first.attendees().equals(retry.attendees()) && first.answers().equals(retry.answers());
    }
}
