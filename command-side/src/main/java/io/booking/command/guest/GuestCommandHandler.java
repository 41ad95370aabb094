package io.booking.command.guest;

import io.booking.command.CommandRefused;
import io.booking.command.account.Credentials;
import io.booking.command.booking.BookTickets;
import io.booking.command.booking.BookingCommandHandler;
import io.booking.command.booking.BookingReferences;
import io.booking.command.booking.BookingRetries;
import io.booking.command.booking.EraseGuestData;
import io.booking.command.booking.LinkBookingToAccount;
import io.booking.command.notification.Notifications;
import io.booking.command.personal.PersonalDataKeyStore;
import io.booking.command.security.OneTimeTokens;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Guest bookings, each in one unit of work (one transaction): booking (a new subject and key, the manage link's hash,
 * the seats and the booking), linking to an account and erasing the guest's data (the key destroyed with the event).
 */
@Component
public class GuestCommandHandler {

    private final BookingReferences references;
    private final BookingCommandHandler bookings;
    private final GuestBookings guests;
    private final PersonalDataKeyStore keys;
    private final Credentials accounts;
    private final CommandGateway commands;
    private final Notifications notifications;
    private final BookingRetries retries;

    public GuestCommandHandler(
            BookingReferences references,
            BookingCommandHandler bookings,
            GuestBookings guests,
            PersonalDataKeyStore keys,
            Credentials accounts,
            CommandGateway commands,
            Notifications notifications,
            BookingRetries retries) {
        this.retries = retries;
        this.notifications = notifications;
        this.references = references;
        this.bookings = bookings;
        this.guests = guests;
        this.keys = keys;
        this.accounts = accounts;
        this.commands = commands;
    }

    /** @return the booking and, the first time only, the manage link's token (never stored in clear) */
    @CommandHandler
    public GuestConfirmation handle(BookAsGuest command) {
        BookTickets booking = command.booking();
        BookingReferences.Claim claim = references.claim(booking);
        if (claim.existing().isPresent()) {
            if (!guests.isGuestBooking(booking.bookingId())
                    || !claim.existing().get().sameGuestRequestAs(booking)
                    || !retries.sameGuestDetails(
                            booking,
                            command.contact().name(),
                            command.contact().email(),
                            command.contact().phone())) {
                throw CommandRefused.notAllowed(
                        "booking-id-used", "this booking id was already used for another booking");
            }
            // the token was handed out once and is kept only hashed: a retry cannot have it again
            return new GuestConfirmation(booking.bookingId(), claim.reference(), true, null);
        }
        String guestId = booking.customerId();
        byte[] key = keys.createKeyFor(guestId);
        String token = OneTimeTokens.newToken();
        guests.register(booking.bookingId(), guestId, OneTimeTokens.hash(token));
        bookings.placeGuest(booking, claim.reference(), command.contact(), key);
        notifications.guestBookingConfirmed(
                guestId,
                command.contact().email(),
                claim.reference(),
                booking.attendees().size(),
                token);
        return new GuestConfirmation(booking.bookingId(), claim.reference(), false, token);
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

    /**
     * @param manageToken the manage link's token, only in the first answer
     */
    public record GuestConfirmation(String bookingId, String reference, boolean repeated, String manageToken) {

        @Override
        public String toString() {
            return "GuestConfirmation[bookingId=" + bookingId + "]";
        }
    }
}
