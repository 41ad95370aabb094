package io.booking.command.notification;

import io.booking.shared.personal.PersonalDataCipher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

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
        String subject = mail.subjectId();
        jdbc.update("""
                        insert into outbox (kind, subject_id, recipient, subject_line, body, not_after)
                        values (?, ?, ?, ?, ?, ?)""",
                mail.kind(), subject,
                cipher.seal(subject, mail.to()).ciphertext(),
                cipher.seal(subject, mail.subjectLine()).ciphertext(),
                cipher.seal(subject, mail.body()).ciphertext(),
                mail.notAfter() == null ? null : Timestamp.from(mail.notAfter()));
    }
}
