package io.booking.command.personal;

import io.booking.shared.personal.PersonalDataCipher;
import io.booking.shared.personal.PersonalDataKeys;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The data subjects' keys, one row each in {@code personal_data_key}, written in the transaction of the command. */
@Component
public class PersonalDataKeyStore implements PersonalDataKeys {

    private static final int MAX_CACHED = 50_000;

    private final JdbcTemplate jdbc;
    // keys are looked up on every booking; erasure evicts here as well as deleting the row
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    public PersonalDataKeyStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A new key for a new subject, returned so the caller seals with it without reading back an uncommitted row. */
    public byte[] createKeyFor(String subjectId) {
        byte[] key = PersonalDataCipher.newKey();
        jdbc.update("insert into personal_data_key (subject_id, key) values (?, ?)", subjectId, key);
        return key;
    }

    /**
     * Crypto-shredding: deletes the subject's key in the caller's transaction, so everything sealed with it reads as
     * erased from the commit on. The cache is evicted now and again after the commit, so a lookup that read the row
     * before the commit cannot leave the key cached here.
     */
    public void destroyKeyOf(String subjectId) {
        jdbc.update("delete from personal_data_key where subject_id = ?", subjectId);
        cache.remove(subjectId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    cache.remove(subjectId);
                }
            });
        }
    }

    @Override
    public Optional<byte[]> find(String subjectId) {
        byte[] cached = cache.get(subjectId);
        if (cached != null) {
            return Optional.of(cached);
        }
        List<byte[]> found = jdbc.query(
                "select key from personal_data_key where subject_id = ?", (rs, i) -> rs.getBytes(1), subjectId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        if (cache.size() > MAX_CACHED) {
            cache.clear();
        }
        cache.put(subjectId, found.get(0));
        return Optional.of(found.get(0));
    }
}
