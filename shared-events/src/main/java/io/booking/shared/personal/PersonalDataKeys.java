package io.booking.shared.personal;

import java.util.Optional;

/** Where the data subjects' keys live. A missing key means the subject was erased. */
public interface PersonalDataKeys {

    Optional<byte[]> find(String subjectId);
}
