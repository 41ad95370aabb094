package io.booking.command.account;

import io.booking.command.CommandRefused;
import io.booking.shared.account.AccountDeleted;
import io.booking.shared.account.AccountDetailsChanged;
import io.booking.shared.account.AccountRegistered;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

@Aggregate
public class Account {

    @AggregateIdentifier
    private String accountId;

    private boolean deleted;

    protected Account() {
        // for Axon
    }

    @CommandHandler
    public Account(OpenAccount command, Clock clock) {
        apply(new AccountRegistered(
                command.accountId(),
                command.name(),
                command.email(),
                command.phone(),
                command.role(),
                clock.instant()));
    }

    @CommandHandler
    public void handle(ChangeAccountDetails command, Clock clock) {
        if (deleted) {
            throw CommandRefused.notAllowed("account-deleted", "the account is deleted");
        }
        apply(new AccountDetailsChanged(
                accountId, command.name(), command.email(), command.phone(), clock.instant(), command.customFields()));
    }

    @CommandHandler
    public void handle(DeleteAccount command, Clock clock) {
        if (deleted) {
            throw CommandRefused.notAllowed("account-deleted", "the account is already deleted");
        }
        apply(new AccountDeleted(
                accountId, command.byAdmin() ? "admin" : "customer", command.cancelledBookings(), clock.instant()));
    }

    @EventSourcingHandler
    void on(AccountRegistered event) {
        accountId = event.accountId();
    }

    @EventSourcingHandler
    void on(AccountDeleted event) {
        deleted = true;
    }
}
