package io.booking.command.notification;

import io.booking.command.consistency.LinkSettings;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The mails the system sends, composed here and put into the outbox in the caller's transaction. */
@Component
public class Notifications {

    public static final String BOOKING_CONFIRMATION = "booking-confirmation";
    public static final String PASSWORD_RESET = "password-reset";
    public static final String INVITATION = "invitation";
    public static final String OFFER = "waiting-list-offer";

    private final Outbox outbox;
    private final String portalUrl;

    public Notifications(Outbox outbox, LinkSettings links) {
        this.outbox = outbox;
        String portalUrl = links.portalUrl();
        this.portalUrl = portalUrl.endsWith("/") ? portalUrl.substring(0, portalUrl.length() - 1) : portalUrl;
    }

    /** The "view booking" link of a booking in the customer portal. */
    public String bookingLink(String reference) {
        return portalUrl + "/bookings/" + reference;
    }

    public void bookingConfirmed(String customerId, String email, String reference, int tickets) {
        outbox.enqueue(bookingConfirmation(customerId, email, reference, tickets));
    }

    /** The confirmations of bookings served together, into the outbox at once. */
    public void bookingsConfirmed(List<Mail> confirmations) {
        outbox.enqueueAll(confirmations);
    }

    public Mail bookingConfirmation(String customerId, String email, String reference, int tickets) {
        return new Mail(
                BOOKING_CONFIRMATION,
                customerId,
                email,
                "Booking confirmed: " + reference,
                "Your booking " + reference + " of " + tickets + (tickets == 1 ? " ticket" : " tickets")
                        + " is confirmed.\n\nView booking: " + bookingLink(reference) + "\n",
                null);
    }

    /**
     * A guest's confirmation carries the manage link; its token sits in the link's fragment, which a browser never
     * sends to a server, and the portal posts it to {@code /api/guest/session}.
     */
    public Mail guestBookingConfirmation(
            String guestId, String email, String reference, int tickets, String manageToken) {
        return new Mail(
                BOOKING_CONFIRMATION,
                guestId,
                email,
                "Booking confirmed: " + reference,
                "Your booking " + reference + " of " + tickets + (tickets == 1 ? " ticket" : " tickets")
                        + " is confirmed.\n\nManage your booking: " + portalUrl + "/guest#" + manageToken
                        + "\n\nKeep this link to yourself: it gives access to this booking.\n",
                null);
    }

    /** The token sits in the link's fragment, as for a guest's manage link; the mail is dropped once it expires. */
    public void invitation(String accountId, String email, String token, Instant expiresAt) {
        outbox.enqueue(new Mail(
                INVITATION,
                accountId,
                email,
                "Your account is ready",
                "An account was created for you. Choose your password here: " + portalUrl + "/invitation#" + token
                        + "\n\nThe link works once, until " + expiresAt + ".\n",
                expiresAt));
    }

    /** Seats freed for a waiting customer; the mail is dropped if it could not go out before the offer expired. */
    public void offerMade(String customerId, String email, String entryId, int seats, Instant expiresAt) {
        outbox.enqueue(new Mail(
                OFFER,
                customerId,
                email,
                "Seats are held for you",
                (seats == 1 ? "A seat you waited for is" : seats + " seats you waited for are") + " held for you until "
                        + expiresAt + ".\n\nBook them here: " + portalUrl + "/waiting-list/" + entryId
                        + "\n\nAfter that they go to the next in line.\n",
                expiresAt));
    }

    public void passwordResetCode(String accountId, String email, String code, Instant expiresAt, Duration validFor) {
        outbox.enqueue(new Mail(
                PASSWORD_RESET,
                accountId,
                email,
                "Your password reset code",
                "Your code to set a new password is " + code + ".\n\nIt works once, for " + validFor.toMinutes()
                        + " minutes. If you did not ask for it, ignore this mail: your password stays as it is.\n",
                expiresAt));
    }
}
