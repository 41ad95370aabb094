package io.booking.query.account;

import io.booking.query.support.QuerySideTest;
import io.booking.shared.account.AccountDeleted;
import io.booking.shared.account.AccountDetailsChanged;
import io.booking.shared.account.AccountRegistered;
import io.booking.shared.account.Role;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.booking.query.support.CommandSideEvents.newId;
import static io.booking.query.support.CommandSideEvents.seal;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A customer reads their own details, as they change them, so a portal can edit them without losing any. */
class MyAccountTest extends QuerySideTest {

    @Test
    void aCustomerReadsTheirOwnDetailsAsTheyChangeThem() throws Exception {
        String customer = newId();
        byte[] key = store.newSubject(customer);
        long registered = store.append(
                "Account",
                customer,
                new AccountRegistered(
                        customer,
                        seal(customer, key, "Ada"),
                        seal(customer, key, "ada@example.com"),
                        seal(customer, key, "+44 20 7946 0000"),
                        Role.CUSTOMER,
                        NOW));

        mvc.perform(get("/api/accounts/me")
                        .header("Authorization", tokens.customer(customer))
                        .header("X-Consistency-Token", registered))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accountId").value(customer))
                .andExpect(jsonPath("$.name").value("Ada"))
                .andExpect(jsonPath("$.email").value("ada@example.com"))
                .andExpect(jsonPath("$.phone").value("+44 20 7946 0000"));

        long changed = store.append(
                "Account",
                customer,
                new AccountDetailsChanged(
                        customer,
                        seal(customer, key, "Ada Lovelace"),
                        seal(customer, key, "ada@example.com"),
                        null,
                        NOW,
                        Map.of("membership", seal(customer, key, "M-1815"))));
        mvc.perform(get("/api/accounts/me")
                        .header("Authorization", tokens.customer(customer))
                        .header("X-Consistency-Token", changed))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Ada Lovelace"))
                .andExpect(jsonPath("$.customFields.membership").value("M-1815"));

        // nobody else's: the token says whose details are read
        mvc.perform(get("/api/accounts/me").header("Authorization", tokens.customer(newId())))
                .andExpect(status().isNotFound());

        long deleted = store.append("Account", customer, new AccountDeleted(customer, customer, 0, NOW));
        mvc.perform(get("/api/accounts/me")
                        .header("Authorization", tokens.customer(customer))
                        .header("X-Consistency-Token", deleted))
                .andExpect(status().isNotFound());
    }
}
