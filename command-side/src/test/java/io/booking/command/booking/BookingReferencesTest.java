package io.booking.command.booking;

import org.junit.jupiter.api.RepeatedTest;

import static org.assertj.core.api.Assertions.assertThat;

class BookingReferencesTest {

    @RepeatedTest(200)
    void aReferenceIsShortAndHasNoCharacterThatReadsLikeAnother() {
        String reference = BookingReferences.newReference();

        assertThat(reference).matches("[A-Z2-9]{4}-[A-Z2-9]{4}");
        assertThat(reference).doesNotContainPattern("[01OIL]");
    }
}
