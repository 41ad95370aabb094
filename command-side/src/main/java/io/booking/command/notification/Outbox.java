package io.booking.command.notification;

import io.booking.shared.personal.PersonalDataCipher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.List;

/**
 * Writes mails into the {@code outbox} table in the caller's transaction (a command's unit of work): the mail is
 * stored if and only if the change that causes it is. Recipient, subject line and body are sealed with the subject's
 * personal-data key, so the subject's erasure makes an unsent mail unreadable too.
 */
@Component
public class Outbox {

    private final JdbcTemplate jdbc;
    private final PersonalDataCipher cipher;

    public Outbox(JdbcTemplate jdbc, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    public void enqueue(Mail mail) {
        enqueueAll(List.of(mail));
    }

    /** Several mails in one round trip to the database (bookings served together). */
    public void enqueueAll(List<Mail> mails) {
        jdbc.batchUpdate("""
                        insert into outbox (kind, subject_id, recipient, subject_line, body, not_after)
                        values (?, ?, ?, ?, ?, ?)""", mails.stream().map(this::row).toList());
    }

    private Object[] row(Mail mail) {
        String subject = mail.subjectId();
        return new Object[] {
            mail.kind(),
            subject,
            cipher.seal(subject, mail.to()).ciphertext(),
            cipher.seal(subject, mail.subjectLine()).ciphertext(),
            cipher.seal(subject, mail.body()).ciphertext(),
            mail.notAfter() == null ? null : Timestamp.from(mail.notAfter())
        };
    }
}
