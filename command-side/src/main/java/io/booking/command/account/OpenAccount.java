package io.booking.command.account;

import io.booking.shared.account.Role;
import io.booking.shared.personal.PersonalData;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record OpenAccount(
        @TargetAggregateIdentifier String accountId,
        PersonalData name,
        PersonalData email,
        PersonalData phone,
        Role role) {}
