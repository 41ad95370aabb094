package io.booking.command.booking;

import io.booking.command.CommandRefused;
import io.booking.shared.booking.BookedTicket;
import io.booking.shared.booking.FormAnswer;
import jakarta.annotation.Nullable;

import java.util.List;
import java.util.Map;

/**
 * Single bookings, of one event or of several, served together in one unit of work (see {@link BookingQueue}): one hold
 * of each event, one append and one commit for all of them. Each keeps the metadata of its own request (who booked) and
 * is answered on its own; a refused one changes nothing and leaves the others booked.
 */
public record BookTicketsTogether(List<Queued> bookings) {

    /**
     * @param tickets  the attendees, their names sealed with the customer's key before the booking queued
     * @param answers  sealed likewise
     * @param metaData of the customer's request, carried by the events of this booking
     */
    public record Queued(
            BookTickets booking,
            List<BookedTicket> tickets,
            List<FormAnswer> answers,
            Map<String, ?> metaData,
            @Nullable Guest guest) {}

    /**
     * A guest booking's own data subject ({@code booking.customerId()}): its new key, stored with the booking, which
     * sealed the attendees, answers and contact; and the manage link's token, mailed and answered once.
     */
    public record Guest(
            BookingCommandHandler.GuestContact contact,
            byte[] key,
            String manageToken,
            PlaceBooking.GuestContact sealed) {

        @Override
        public String toString() {
            return "Guest[redacted]";
        }
    }

    /**
     * One booking's answer: its confirmation, or why it was refused (a {@link CommandRefused}, or a
     * {@link io.booking.command.axon.NoSuchAggregate} when its event does not exist).
     */
    public record Outcome(BookingCommandHandler.BookingConfirmation confirmation, RuntimeException refusal) {

        static Outcome booked(BookingCommandHandler.BookingConfirmation confirmation) {
            return new Outcome(confirmation, null);
        }

        static Outcome refused(RuntimeException refusal) {
            return new Outcome(null, refusal);
        }
    }
}
