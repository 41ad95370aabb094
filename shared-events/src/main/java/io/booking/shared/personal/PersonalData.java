package io.booking.shared.personal;

/**
 * A personal field as it is stored in an event: encrypted with the key of its data subject.
 * Destroying that key (crypto-shredding) erases the value everywhere the event was copied, replays included.
 *
 * @param subjectId  whose key sealed it (an account id, or a guest booking id)
 * @param ciphertext base64 of IV followed by the AES-GCM ciphertext and tag
 */
public record PersonalData(String subjectId, String ciphertext) {

    @Override
    public String toString() {
        // never let a log line or an exception message print even the ciphertext
        return "PersonalData[subject=" + subjectId + "]";
    }
}
