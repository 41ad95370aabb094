package io.booking.command.notification;

import io.booking.command.account.Credentials;
import io.booking.shared.occurrence.SeatsOffered;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Tells a waiting customer that seats are held for them. A subscribing processor: it runs in the unit of work that
 * made the offer, so the mail enters the outbox in that transaction (the offer and its mail commit together).
 */
@Component
@ProcessingGroup("offer-mails")
public class OfferMails {

    private final Credentials credentials;
    private final Notifications notifications;

    public OfferMails(Credentials credentials, Notifications notifications) {
        this.credentials = credentials;
        this.notifications = notifications;
    }

    @EventHandler
    void on(SeatsOffered offer) {
        credentials
                .emailOf(offer.customerId())
                .ifPresent(email -> notifications.offerMade(
                        offer.customerId(), email, offer.entryId(), offer.quantity(), offer.expiresAt()));
    }
}
