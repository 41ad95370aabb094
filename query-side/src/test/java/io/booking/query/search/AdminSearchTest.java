package io.booking.query.search;

import io.booking.query.support.QuerySideTest;
import io.booking.shared.account.AccountDeleted;
import io.booking.shared.account.AccountRegistered;
import io.booking.shared.account.Role;
import io.booking.shared.booking.TicketsBooked;
import io.booking.shared.occurrence.BookingPolicy;
import io.booking.shared.occurrence.OccurrenceScheduled;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import java.time.Duration;

import static io.booking.query.support.CommandSideEvents.newId;
import static io.booking.query.support.CommandSideEvents.occurrence;
import static io.booking.query.support.CommandSideEvents.seal;
import static io.booking.query.support.CommandSideEvents.ticketType;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class AdminSearchTest extends QuerySideTest {

    @Test
    void findsByPartOfAValueAndByAWordWithATypoWholeValuesFirst() throws Exception {
        String unique = letters();
        String ada = customer("Ada Quennell" + unique, "ada." + unique + "@search.test", "+44 7700 " + unique);
        String adam = customer("Adam Quennell" + unique, "adam." + unique + "@search.test", null);
        OccurrenceScheduled event = occurrence(
                newId(),
                "Search evening",
                NOW.plus(Duration.ofDays(3)),
                NOW.plus(Duration.ofDays(3)).plusSeconds(3600),
                new BookingPolicy(true, true, 24),
                ticketType("a", "Adult", "10.00", 50));
        store.append(event);
        TicketsBooked booking =
                store.booking(ada, keys.get(ada), event, "S" + unique.toUpperCase(), NOW, "Bartholomew Ingle" + unique);
        long position = store.append(booking, 49);
        awaitProjections(position);

        // the whole email first, then the customer whose email only holds it
        search("ada." + unique + "@search.test")
                .andExpect(jsonPath("$.customers[0].customerId").value(ada))
                .andExpect(jsonPath("$.customers[0].bookings").value(1))
                .andExpect(jsonPath("$.bookings[0].reference").value(booking.reference()));
        search("quennell" + unique).andExpect(jsonPath("$.customers.length()").value(2));
        // a typo in the surname still finds both
        search("Quenell" + unique)
                .andExpect(jsonPath("$.customers[*].customerId", hasItem(ada)))
                .andExpect(jsonPath("$.customers[*].customerId", hasItem(adam)));
        search("7700 " + unique).andExpect(jsonPath("$.customers[0].customerId").value(ada));
        // an attendee by part of the name; a customer's name with a typo finds their bookings too
        search("ingle" + unique).andExpect(jsonPath("$.bookings[0].reference").value(booking.reference()));
        search("Ada Quenell" + unique).andExpect(jsonPath("$.bookings[*].reference", hasItem(booking.reference())));
        // a reference as typed, in lower case: that booking first
        search(booking.reference().toLowerCase())
                .andExpect(jsonPath("$.bookings[0].bookingId").value(booking.bookingId()));
        search("Zqxjvwpkq")
                .andExpect(jsonPath("$.customers.length()").value(0))
                .andExpect(jsonPath("$.bookings.length()").value(0))
                .andExpect(jsonPath("$.more").value(false));
    }

    @Test
    void pagesThroughManyMatches() throws Exception {
        String unique = letters();
        long position = 0;
        for (int i = 0; i < 5; i++) {
            customer("Pagina " + unique + " " + i, "pagina" + i + "." + unique + "@search.test", null);
        }
        String last = customer("Pagina " + unique + " 5", "pagina5." + unique + "@search.test", null);
        awaitProjections(store.append("Account", last, new AccountDeleted(newId(), "customer", 0, NOW)));

        mvc.perform(post("/api/admin/search")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"q\": \"pagina " + unique + "\", \"size\": 4}")
                        .header("Authorization", tokens.admin(newId())))
                .andExpect(jsonPath("$.customers.length()").value(4))
                .andExpect(jsonPath("$.more").value(true));
        mvc.perform(post("/api/admin/search")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"q\": \"pagina " + unique + "\", \"size\": 4, \"page\": 1}")
                        .header("Authorization", tokens.admin(newId())))
                .andExpect(jsonPath("$.customers.length()").value(2))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.more").value(false));
    }

    @Test
    void anErasedCustomerIsNotFoundByNameNorByATypoOfIt() throws Exception {
        String unique = letters();
        String leaving = customer("Wilhelmina Vandersloot" + unique, "wv." + unique + "@search.test", null);
        awaitProjections(store.append("Account", leaving, new AccountDeleted(leaving, "customer", 0, NOW)));

        search("Vandersloot" + unique).andExpect(jsonPath("$.customers[*].customerId", not(hasItem(leaving))));
        search("Vandersloat" + unique).andExpect(jsonPath("$.customers[*].customerId", not(hasItem(leaving))));
    }

    /** Text unique to a test, of letters only: a typo is looked for in what looks like a name. */
    private static String letters() {
        return newId().substring(0, 8)
                .chars()
                .mapToObj(c -> String.valueOf((char) ('a' + c % 26)))
                .collect(java.util.stream.Collectors.joining());
    }

    private final java.util.Map<String, byte[]> keys = new java.util.HashMap<>();

    private String customer(String name, String email, String phone) {
        String id = newId();
        byte[] key = store.newSubject(id);
        keys.put(id, key);
        store.append(
                "Account",
                id,
                new AccountRegistered(
                        id,
                        seal(id, key, name),
                        seal(id, key, email),
                        phone == null ? null : seal(id, key, phone),
                        Role.CUSTOMER,
                        NOW));
        return id;
    }

    private void awaitProjections(long position) throws Exception {
        mvc.perform(post("/api/admin/search")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"q\": \"anything\"}")
                        .header("Authorization", tokens.admin(newId()))
                        .header("X-Consistency-Token", position))
                .andExpect(status().isOk());
    }

    private ResultActions search(String text) throws Exception {
        return mvc.perform(post("/api/admin/search")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"q\": \"" + text + "\"}")
                        .header("Authorization", tokens.admin(newId())))
                .andExpect(status().isOk());
    }
}
