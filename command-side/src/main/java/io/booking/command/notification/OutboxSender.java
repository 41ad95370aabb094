package io.booking.command.notification;

import io.booking.platform.SafeLog;
import io.booking.shared.personal.PersonalData;
import io.booking.shared.personal.PersonalDataCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Drains the outbox over SMTP. Each batch is taken with {@code for update skip locked}, so several command-side
 * instances never take the same mail, and sent in that transaction: a sent mail is blanked (recipient, subject line,
 * body) and marked in the same commit. A failed send stays in the outbox and is tried again later, each time waiting
 * twice as long (up to a maximum); the log names the mail's id and kind, never its recipient or content. A mail whose
 * subject's key was destroyed reads as erased and is dropped; one past its {@code not_after} is dropped as expired.
 * Delivery is at least once: a crash between the SMTP answer and the commit sends that mail again.
 */
@Component
public class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final JavaMailSender mailSender;
    private final PersonalDataCipher cipher;
    private final Clock clock;
    private final String from;
    private final Duration retryInitial;
    private final Duration retryMax;
    private final int batchSize;

    public OutboxSender(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            JavaMailSender mailSender,
            PersonalDataCipher cipher,
            Clock clock,
            MailSettings settings) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.mailSender = mailSender;
        this.cipher = cipher;
        this.clock = clock;
        this.from = settings.from();
        this.retryInitial = settings.retryInitial();
        this.retryMax = settings.retryMax();
        this.batchSize = settings.batchSize();
    }

    @Scheduled(initialDelayString = "${booking.mail.poll-interval}", fixedDelayString = "${booking.mail.poll-interval}")
    public void drain() {
        try {
            boolean more = true;
            while (more) {
                more = Boolean.TRUE.equals(transaction.execute(status -> sendDue()));
            }
        } catch (RuntimeException e) {
            log.warn("outbox: draining failed, trying again at the next poll: {}", SafeLog.describe(e));
        }
    }

    /**
     * Ordered by when each mail is due, so the partial index {@code outbox_due} finds a batch without walking past
     * the postponed ones (ordered by id, a poll took 80 ms with 30,000 mails waiting for an SMTP server).
     *
     * @return true when a full batch went through and more may be due
     */
    private boolean sendDue() {
        List<Row> due = jdbc.query(
                """
                select id, kind, subject_id, recipient, subject_line, body, attempts, not_after from outbox
                where status = 'PENDING' and next_attempt_at <= now()
                order by next_attempt_at, id limit ? for update skip locked""",
                (rs, i) -> new Row(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getInt(7),
                        rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant()),
                batchSize);
        for (Row row : due) {
            String to = open(row, row.recipient());
            String subjectLine = open(row, row.subjectLine());
            String body = open(row, row.body());
            if (PersonalDataCipher.ERASED.equals(to)
                    || PersonalDataCipher.ERASED.equals(subjectLine)
                    || PersonalDataCipher.ERASED.equals(body)) {
                close(row, "ERASED");
                continue;
            }
            if (row.notAfter() != null && clock.instant().isAfter(row.notAfter())) {
                close(row, "EXPIRED");
                continue;
            }
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(to);
            message.setSubject(subjectLine);
            message.setText(body);
            try {
                mailSender.send(message);
            } catch (MailException e) {
                postpone(row, e);
                // the server is probably down: the rest of the batch waits for the next poll
                return false;
            }
            close(row, "SENT");
        }
        return due.size() == batchSize;
    }

    private String open(Row row, String ciphertext) {
        return cipher.open(new PersonalData(row.subjectId(), ciphertext));
    }

    /** Done with it: the personal data goes, the audit columns stay. */
    private void close(Row row, String status) {
        jdbc.update("""
                update outbox set status = ?, recipient = null, subject_line = null, body = null, sent_at = ?
                where id = ?""", status, "SENT".equals(status) ? Timestamp.from(clock.instant()) : null, row.id());
        if (!"SENT".equals(status)) {
            log.info("outbox: mail {} ({}) dropped: {}", row.id(), row.kind(), status.toLowerCase());
        }
    }

    private void postpone(Row row, MailException failure) {
        Duration wait = backoff(row.attempts());
        jdbc.update("""
                update outbox set attempts = attempts + 1, next_attempt_at = now() + make_interval(secs => ?)
                where id = ?""", wait.toMillis() / 1000.0, row.id());
        // the exception's messages can quote the recipient: only its types go to the log
        log.warn(
                "outbox: mail {} ({}) not sent (attempt {}), next try in {}: {}",
                row.id(),
                row.kind(),
                row.attempts() + 1,
                wait,
                SafeLog.describe(failure));
    }

    Duration backoff(int failedBefore) {
        Duration wait = retryInitial;
        for (int i = 0; i < failedBefore && wait.compareTo(retryMax) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(retryMax) > 0 ? retryMax : wait;
    }

    private record Row(
            long id,
            String kind,
            String subjectId,
            String recipient,
            String subjectLine,
            String body,
            int attempts,
            Instant notAfter) {}
}
