package io.booking.command.account;

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

    protected Account() {
        // for Axon
    }

    @CommandHandler
    public Account(OpenAccount command, Clock clock) {
        apply(new AccountRegistered(command.accountId(), command.name(), command.email(), command.phone(),
                command.role(), clock.instant()));
    }

    @EventSourcingHandler
    void on(AccountRegistered event) {
        accountId = event.accountId();
    }
}
