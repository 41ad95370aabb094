package io.booking.command.guest;

import io.booking.command.CommandRefused;
import io.booking.command.account.Credentials;
import io.booking.command.booking.BookingReferences;
import io.booking.command.booking.EraseGuestData;
import io.booking.command.booking.LinkBookingToAccount;
import io.booking.command.personal.PersonalDataKeyStore;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * A guest booking's changes, each in one unit of work (one transaction): linking it to an account and erasing the
 * guest's data (the key destroyed with the event). Guests book in line with everyone else ({@code BookingQueue}).
 */
@Component
public class GuestCommandHandler {

    private final BookingReferences references;
    private final GuestBookings guests;
    private final PersonalDataKeyStore keys;
    private final Credentials accounts;
    private final CommandGateway commands;

    public GuestCommandHandler(
            BookingReferences references,
            GuestBookings guests,
            PersonalDataKeyStore keys,
            Credentials accounts,
            CommandGateway commands) {
        this.references = references;
        this.guests = guests;
        this.keys = keys;
        this.accounts = accounts;
        this.commands = commands;
    }

    /**
     * The booking moves under the account (here and in {@code booking_reference}, where DeleteAccount finds it); the
     * manage link stops granting it; without {@code keepGuestContact} the guest's key is destroyed.
     */
    @CommandHandler
    public void handle(LinkGuestBooking command) {
        String guestId = lockGuestBooking(command.bookingId());
        // held as a booking holds it: a deletion of the account waits for this and then counts the booking
        if (accounts.holdForBooking(command.accountId()).isEmpty()) {
            throw CommandRefused.unknown("no-such-account", "no such account");
        }
        commands.sendAndWait(
                new LinkBookingToAccount(command.bookingId(), command.accountId(), command.keepGuestContact()));
        references.movedTo(command.bookingId(), command.accountId());
        guests.revokeLink(command.bookingId());
        if (!command.keepGuestContact()) {
            keys.destroyKeyOf(guestId);
        }
    }

    /** {@code GuestDataErased} and the guest's key destroyed in one transaction; the booking stays. */
    @CommandHandler
    public void handle(RequestGuestErasure command) {
        lockGuestBooking(command.bookingId());
        String guestId = commands.sendAndWait(new EraseGuestData(command.bookingId()));
        guests.revokeLink(command.bookingId());
        keys.destroyKeyOf(guestId);
    }

    private String lockGuestBooking(String bookingId) {
        Optional<String> guestId = guests.lockGuestOf(bookingId);
        if (guestId.isEmpty()) {
            throw references.find(bookingId).isPresent()
                    ? CommandRefused.notAllowed("not-a-guest-booking", "the booking was not made by a guest")
                    : CommandRefused.unknown("not-found", "no such booking");
        }
        return guestId.get();
    }
}
