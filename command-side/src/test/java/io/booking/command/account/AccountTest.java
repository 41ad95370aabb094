package io.booking.command.account;

import io.booking.command.CommandRefused;
import io.booking.shared.account.AccountDeleted;
import io.booking.shared.account.AccountDetailsChanged;
import io.booking.shared.account.AccountRegistered;
import io.booking.shared.account.Role;
import io.booking.shared.personal.PersonalData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

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

    @Test
    void aCustomerDeletingTheirAccountRecordsAccountDeletedWithTheBookingsCancelled() {
        AggregateTestFixture<Account> fixture = new AggregateTestFixture<>(Account.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));

        fixture.given(registered("a-1"))
                .when(new DeleteAccount("a-1", false, 2))
                .expectEvents(new AccountDeleted("a-1", "customer", 2, NOW));
    }

    @Test
    void anAdminDeletingAnAccountIsNamedInTheEvent() {
        AggregateTestFixture<Account> fixture = new AggregateTestFixture<>(Account.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));

        fixture.given(registered("a-1"))
                .when(new DeleteAccount("a-1", true, 0))
                .expectEvents(new AccountDeleted("a-1", "admin", 0, NOW));
    }

    @Test
    void aDeletedAccountCannotBeDeletedAgain() {
        AggregateTestFixture<Account> fixture = new AggregateTestFixture<>(Account.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));

        fixture.given(registered("a-1"), new AccountDeleted("a-1", "customer", 0, NOW))
                .when(new DeleteAccount("a-1", true, 0))
                .expectNoEvents()
                .expectException(CommandRefused.class)
                .expectExceptionMessage("the account is already deleted");
    }

    @Test
    void aCustomerChangesTheirDetailsSealedAsBefore() {
        AggregateTestFixture<Account> fixture = new AggregateTestFixture<>(Account.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        PersonalData name = new PersonalData("a-1", "sealed-new-name");
        PersonalData email = new PersonalData("a-1", "sealed-new-email");

        fixture.given(registered("a-1"))
                .when(new ChangeAccountDetails(
                        "a-1",
                        name,
                        email,
                        null,
                        Map.of("Membership number", new PersonalData("a-1", "sealed-number"))))
                .expectEvents(new AccountDetailsChanged(
                        "a-1",
                        name,
                        email,
                        null,
                        NOW,
                        Map.of("Membership number", new PersonalData("a-1", "sealed-number"))));
    }

    @Test
    void aDeletedAccountsDetailsCannotChange() {
        AggregateTestFixture<Account> fixture = new AggregateTestFixture<>(Account.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));

        fixture.given(registered("a-1"), new AccountDeleted("a-1", "admin", 0, NOW))
                .when(new ChangeAccountDetails(
                        "a-1", new PersonalData("a-1", "x"), new PersonalData("a-1", "y"), null, Map.of()))
                .expectNoEvents()
                .expectException(CommandRefused.class);
    }

    private static AccountRegistered registered(String accountId) {
        return new AccountRegistered(
                accountId,
                new PersonalData(accountId, "sealed-name"),
                new PersonalData(accountId, "sealed-email"),
                null,
                Role.CUSTOMER,
                NOW.minusSeconds(3600));
    }
}
