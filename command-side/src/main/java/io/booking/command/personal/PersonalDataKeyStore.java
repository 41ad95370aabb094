package io.booking.command.personal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.booking.shared.personal.PersonalDataCipher;
import io.booking.shared.personal.PersonalDataKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The data subjects' keys, one row each in {@code personal_data_key}, written in the transaction of the command. Keys
 * are looked up on every booking, so each instance keeps the ones it read for {@link PersonalDataSettings#keyCacheTtl()}:
 * a key another instance destroyed opens nothing here after that long at most.
 */
@Component
public class PersonalDataKeyStore implements PersonalDataKeys {

    private final JdbcTemplate jdbc;
    private final Cache<String, byte[]> cache;

    @Autowired
    public PersonalDataKeyStore(JdbcTemplate jdbc, PersonalDataSettings settings) {
        this(jdbc, settings.keyCacheTtl());
    }

    public PersonalDataKeyStore(JdbcTemplate jdbc, Duration keyCacheTtl) {
        this.jdbc = jdbc;
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(keyCacheTtl)
                .maximumSize(50_000)
                .build();
    }

    /** A new key for a new subject, returned so the caller seals with it without reading back an uncommitted row. */
    public byte[] createKeyFor(String subjectId) {
        byte[] key = PersonalDataCipher.newKey();
        keep(subjectId, key);
        return key;
    }

    /** Stores a key made earlier ({@link PersonalDataCipher#newKey()}), in the caller's transaction. */
    public void keep(String subjectId, byte[] key) {
        jdbc.update("insert into personal_data_key (subject_id, key) values (?, ?)", subjectId, key);
    }

    /**
     * Crypto-shredding: deletes the subject's key in the caller's transaction, so everything sealed with it reads as
     * erased from the commit on. The cache is evicted now and again after the commit, so a lookup that read the row
     * before the commit cannot leave the key cached here. The subject's mails waiting in the outbox go in the same
     * transaction: another node whose cache still holds the key would otherwise open and send them.
     */
    public void destroyKeyOf(String subjectId) {
        jdbc.update("delete from personal_data_key where subject_id = ?", subjectId);
        jdbc.update("""
                update outbox set status = 'ERASED', recipient = null, subject_line = null, body = null
                where subject_id = ? and status = 'PENDING'""", subjectId);
        cache.invalidate(subjectId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    cache.invalidate(subjectId);
                }
            });
        }
    }

    @Override
    public Optional<byte[]> find(String subjectId) {
        byte[] cached = cache.getIfPresent(subjectId);
        if (cached != null) {
            return Optional.of(cached);
        }
        List<byte[]> found = jdbc.query(
                "select key from personal_data_key where subject_id = ?", (rs, i) -> rs.getBytes(1), subjectId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        cache.put(subjectId, found.get(0));
        return Optional.of(found.get(0));
    }
}
