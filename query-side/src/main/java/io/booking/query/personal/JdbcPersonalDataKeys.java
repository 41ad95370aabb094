package io.booking.query.personal;

import io.booking.shared.personal.PersonalDataKeys;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the data subjects' keys from the command side's key table. A replay opens many fields of the same subject,
 * so keys (and their absence) are cached briefly; the price is that a key destroyed by DeleteAccount can still open
 * fields here for up to the TTL, unless told: the bookings projection calls {@link #erased} on AccountDeleted, and
 * from then on the subject has no key here, whatever a lookup still in flight puts in the cache.
 */
@Component
public class JdbcPersonalDataKeys implements PersonalDataKeys {

    private static final int MAX_CACHED = 10_000;

    private final JdbcTemplate jdbc;
    private final Duration ttl;
    private final Clock clock = Clock.systemUTC(); // real time, not the business Clock bean that tests move
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public JdbcPersonalDataKeys(JdbcTemplate jdbc, PersonalDataSettings settings) {
        this.jdbc = jdbc;
        this.ttl = settings.keyCacheTtl();
    }

    @Override
    public Optional<byte[]> find(String subjectId) {
        Instant now = clock.instant();
        Cached cached = cache.get(subjectId);
        if (cached != null && cached.expiresAt().isAfter(now)) {
            return cached.key();
        }
        List<byte[]> rows = jdbc.query(
                "select key from command.personal_data_key where subject_id = ?", (rs, i) -> rs.getBytes(1), subjectId);
        Optional<byte[]> key = rows.stream().findFirst();
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        return remember(subjectId, key, now);
    }

    private Optional<byte[]> remember(String subjectId, Optional<byte[]> key, Instant now) {
        Cached fresh = new Cached(key, now.plus(ttl));
        // an erased subject stays erased: a lookup that read the row before its deletion must not cache the key
        return cache.compute(subjectId, (id, old) -> old != null && old.erased() ? old : fresh)
                .key();
    }

    /**
     * Reads the keys a batch of events will need in one query rather than one per subject (the cache holds few of a
     * long history's subjects, and a rebuild met a new one every few events).
     */
    public void prefetch(Collection<?> payloads) {
        Set<String> subjects = new HashSet<>();
        payloads.forEach(payload -> SealedSubjects.collect(payload, subjects));
        Instant now = clock.instant();
        subjects.removeIf(subject -> {
            Cached cached = cache.get(subject);
            return cached != null && cached.expiresAt().isAfter(now);
        });
        if (subjects.isEmpty()) {
            return;
        }
        Map<String, byte[]> found = new HashMap<>();
        jdbc.query(
                "select subject_id, key from command.personal_data_key where subject_id = any(?)",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", subjects.toArray())),
                rs -> {
                    found.put(rs.getString(1), rs.getBytes(2));
                });
        if (cache.size() + subjects.size() > MAX_CACHED) {
            cache.clear();
        }
        subjects.forEach(subject -> remember(subject, Optional.ofNullable(found.get(subject)), now));
    }

    /** The subject's key was destroyed (crypto-shredding): never serve it from the cache again. */
    public void erased(String subjectId) {
        cache.put(subjectId, new Cached(Optional.empty(), Instant.MAX));
    }

    private record Cached(Optional<byte[]> key, Instant expiresAt) {

        boolean erased() {
            return expiresAt.equals(Instant.MAX);
        }
    }
}
