package io.booking.command.notification;

import java.time.Instant;

/**
 * A mail to one data subject, in clear: it only exists on its way into the outbox, where it is stored sealed.
 *
 * @param kind      what it is, e.g. {@code booking-confirmation}; kept for audit once sent
 * @param subjectId whose personal data it is (the account id): its key seals the mail
 * @param notAfter  not worth sending after this moment (a code that has expired), or null
 */
public record Mail(String kind, String subjectId, String to, String subjectLine, String body, Instant notAfter) {

    @Override
    public String toString() {
        return "Mail[kind=" + kind + ", subject=" + subjectId + "]";
    }
}
