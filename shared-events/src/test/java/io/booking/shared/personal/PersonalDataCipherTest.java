package io.booking.shared.personal;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalDataCipherTest {

    private final Map<String, byte[]> keys = new HashMap<>();
    private final PersonalDataCipher cipher = new PersonalDataCipher(id -> Optional.ofNullable(keys.get(id)));

    @Test
    void sealedValueOpensWithItsSubjectsKeyAndHidesTheClearText() {
        keys.put("subject-1", PersonalDataCipher.newKey());

        PersonalData sealed = cipher.seal("subject-1", "Zebedee Quill");

        assertThat(sealed.ciphertext()).doesNotContain("Zebedee");
        assertThat(sealed.toString()).doesNotContain(sealed.ciphertext());
        assertThat(cipher.open(sealed)).isEqualTo("Zebedee Quill");
    }

    @Test
    void destroyingTheKeyErasesTheValue() {
        keys.put("subject-1", PersonalDataCipher.newKey());
        PersonalData sealed = cipher.seal("subject-1", "Zebedee Quill");

        keys.remove("subject-1");

        assertThat(cipher.open(sealed)).isEqualTo(PersonalDataCipher.ERASED);
    }

    @Test
    void aCiphertextMovedToAnotherSubjectDoesNotOpen() {
        byte[] key = PersonalDataCipher.newKey();
        keys.put("subject-1", key);
        keys.put("subject-2", key);
        PersonalData sealed = cipher.seal("subject-1", "Zebedee Quill");

        PersonalData moved = new PersonalData("subject-2", sealed.ciphertext());

        assertThatThrownBy(() -> cipher.open(moved))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("Zebedee");
    }

    @Test
    void emptyOptionalFieldsStayEmpty() {
        assertThat(cipher.seal("nobody", null)).isNull();
        assertThat(cipher.open(null)).isNull();
    }
}
