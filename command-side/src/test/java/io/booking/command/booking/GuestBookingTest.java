package io.booking.command.booking;

import io.booking.command.CommandRefused;
import io.booking.shared.booking.BookedTicket;
import io.booking.shared.booking.BookingCancelled;
import io.booking.shared.booking.BookingLinkedToAccount;
import io.booking.shared.booking.FormAnswer;
import io.booking.shared.booking.GuestContactRecorded;
import io.booking.shared.booking.GuestDataErased;
import io.booking.shared.booking.TicketsBooked;
import io.booking.shared.personal.PersonalData;
import io.booking.shared.personal.PersonalDataCipher;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomTypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

class GuestBookingTest {

    private static final Instant NOW = Instant.parse("2026-06-01T09:00:00Z");

    private final Map<String, byte[]> keys = new HashMap<>();
    private final PersonalDataCipher cipher = new PersonalDataCipher(id -> Optional.ofNullable(keys.get(id)));
    private AggregateTestFixture<Booking> fixture;

    @BeforeEach
    void setUp() {
        keys.put("guest-1", PersonalDataCipher.newKey());
        keys.put("acc-1", PersonalDataCipher.newKey());
        fixture = new AggregateTestFixture<>(Booking.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(cipher);
    }

    private PersonalData guestSealed(String value) {
        return cipher.seal("guest-1", value);
    }

    private List<BookedTicket> tickets;
    private List<FormAnswer> answers;
    private PersonalData name;
    private PersonalData email;

    private Object[] guestBooked() {
        tickets = List.of(
                new BookedTicket("t-1", guestSealed("Ann Guest"), false),
                new BookedTicket("t-2", guestSealed("Ben Guest"), true));
        answers = List.of(new FormAnswer("Diet?", guestSealed("no nuts")));
        name = guestSealed("Ann Guest");
        email = guestSealed("ann@guest.example");
        return new Object[] {
            new TicketsBooked("b-1", "ABCD-EFGH", "ev-1", "adult", "guest-1", tickets, answers, NOW),
            new GuestContactRecorded("b-1", "guest-1", name, email, null, NOW)
        };
    }

    @Test
    void aGuestsBookingRecordsItsContactWithTheTicketsTheGuestBeingItsCustomer() {
        guestBooked();
        fixture.givenNoPriorActivity()
                .when(new PlaceBooking(
                        "b-1",
                        "ABCD-EFGH",
                        "ev-1",
                        "adult",
                        "guest-1",
                        tickets,
                        answers,
                        new PlaceBooking.GuestContact(name, email, null)))
                .expectEvents(
                        new TicketsBooked("b-1", "ABCD-EFGH", "ev-1", "adult", "guest-1", tickets, answers, NOW),
                        new GuestContactRecorded("b-1", "guest-1", name, email, null, NOW));
    }

    @Test
    void theGuestCancelsTheirOwnBooking() {
        fixture.given(guestBooked())
                .when(new CancelBooking("b-1", "guest-1", false, null))
                .expectEvents(new BookingCancelled("b-1", "ev-1", "adult", 2, "customer", null, NOW));
    }

    @Test
    void aLinkMovesTheBookingToTheAccountWithItsNamesAndAnswersSealedWithTheAccountsKey() {
        fixture.given(guestBooked())
                .when(new LinkBookingToAccount("b-1", "acc-1", false))
                .expectEventsMatching(new CustomTypeSafeMatcher<List<EventMessage<?>>>("a link resealed for acc-1") {
                    @Override
                    protected boolean matchesSafely(List<EventMessage<?>> events) {
                        if (events.size() != 1
                                || !(events.get(0).getPayload() instanceof BookingLinkedToAccount link)) {
                            return false;
                        }
                        return link.accountId().equals("acc-1")
                                && link.guestId().equals("guest-1")
                                && !link.guestContactKept()
                                && link.linkedAt().equals(NOW)
                                && link.tickets().stream()
                                        .allMatch(t ->
                                                t.attendeeName().subjectId().equals("acc-1"))
                                && cipher.open(link.tickets().get(0).attendeeName())
                                        .equals("Ann Guest")
                                && cipher.open(link.tickets().get(1).attendeeName())
                                        .equals("Ben Guest")
                                && link.tickets().get(1).child()
                                && cipher.open(link.answers().get(0).answer()).equals("no nuts");
                    }
                });
    }

    @Test
    void onceLinkedTheAccountHolderCancelsItAndTheGuestNoLonger() {
        fixture.given(guestBooked())
                .andGiven(new BookingLinkedToAccount("b-1", "guest-1", "acc-1", tickets, answers, true, NOW))
                .when(new CancelBooking("b-1", "guest-1", false, null))
                .expectNoEvents()
                .expectException(CommandRefused.class)
                .expectExceptionMessage("no such booking");
        fixture.given(guestBooked())
                .andGiven(new BookingLinkedToAccount("b-1", "guest-1", "acc-1", tickets, answers, true, NOW))
                .when(new CancelBooking("b-1", "acc-1", false, null))
                .expectEvents(new BookingCancelled("b-1", "ev-1", "adult", 2, "customer", null, NOW));
    }

    @Test
    void aBookingIsLinkedOnce() {
        fixture.given(guestBooked())
                .andGiven(new BookingLinkedToAccount("b-1", "guest-1", "acc-1", tickets, answers, true, NOW))
                .when(new LinkBookingToAccount("b-1", "acc-2", true))
                .expectNoEvents()
                .expectException(CommandRefused.class)
                .expectExceptionMessage("the booking is already linked to an account");
    }

    @Test
    void anAccountsBookingIsNotAGuestBookingToLinkOrErase() {
        TicketsBooked accountBooking = new TicketsBooked(
                "b-1",
                "ABCD-EFGH",
                "ev-1",
                "adult",
                "acc-1",
                List.of(new BookedTicket("t-1", new PersonalData("acc-1", "sealed"), false)),
                List.of(),
                NOW);
        fixture.given(accountBooking)
                .when(new LinkBookingToAccount("b-1", "acc-2", true))
                .expectNoEvents()
                .expectException(CommandRefused.class)
                .expectExceptionMessage("the booking was not made by a guest");
        fixture.given(accountBooking)
                .when(new EraseGuestData("b-1"))
                .expectNoEvents()
                .expectException(CommandRefused.class)
                .expectExceptionMessage("the booking was not made by a guest");
    }

    @Test
    void aGuestsDataIsErasedOnceAndTheKeyToDestroyIsNamed() {
        fixture.given(guestBooked())
                .when(new EraseGuestData("b-1"))
                .expectEvents(new GuestDataErased("b-1", "guest-1", NOW))
                .expectResultMessagePayload("guest-1");
        fixture.given(guestBooked())
                .andGiven(new GuestDataErased("b-1", "guest-1", NOW))
                .when(new EraseGuestData("b-1"))
                .expectNoEvents()
                .expectException(CommandRefused.class)
                .expectExceptionMessage("the guest's data of this booking was already erased");
    }

    @Test
    void anErasedGuestsBookingCannotBeLinkedNorErasedAgainAfterALinkThatErasedTheCopy() {
        fixture.given(guestBooked())
                .andGiven(new GuestDataErased("b-1", "guest-1", NOW))
                .when(new LinkBookingToAccount("b-1", "acc-1", true))
                .expectNoEvents()
                .expectException(CommandRefused.class)
                .expectExceptionMessage("the guest's data of this booking was erased");
        fixture.given(guestBooked())
                .andGiven(new BookingLinkedToAccount("b-1", "guest-1", "acc-1", tickets, answers, false, NOW))
                .when(new EraseGuestData("b-1"))
                .expectNoEvents()
                .expectException(CommandRefused.class);
    }

    @Test
    void aLinkedBookingWhoseGuestCopyWasKeptCanStillHaveItErased() {
        fixture.given(guestBooked())
                .andGiven(new BookingLinkedToAccount("b-1", "guest-1", "acc-1", tickets, answers, true, NOW))
                .when(new EraseGuestData("b-1"))
                .expectEvents(new GuestDataErased("b-1", "guest-1", NOW));
    }
}
