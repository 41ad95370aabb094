package io.booking.command.account;

import io.booking.shared.account.AccountRegistered;
import io.booking.shared.account.Role;
import io.booking.shared.personal.PersonalData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

class AccountTest {

    private static final Instant NOW = Instant.parse("2026-06-01T09:00:00Z");

    @Test
    void anAccountIsOpenedWithSealedPersonalFieldsAndNoPassword() {
        AggregateTestFixture<Account> fixture = new AggregateTestFixture<>(Account.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        PersonalData name = new PersonalData("a-1", "sealed-name");
        PersonalData email = new PersonalData("a-1", "sealed-email");

        fixture.givenNoPriorActivity()
                .when(new OpenAccount("a-1", name, email, null, Role.CUSTOMER))
                .expectEvents(new AccountRegistered("a-1", name, email, null, Role.CUSTOMER, NOW));
    }
}
