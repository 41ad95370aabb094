package io.booking.command.account;

import io.booking.shared.personal.PersonalData;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Map;

/** Record new details, already sealed, after the email was claimed in the credentials table. */
public record ChangeAccountDetails(
        @TargetAggregateIdentifier String accountId,
        PersonalData name,
        PersonalData email,
        PersonalData phone,
        Map<String, PersonalData> customFields) {}
