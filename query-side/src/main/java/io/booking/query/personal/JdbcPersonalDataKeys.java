package io.booking.query.personal;

import io.booking.shared.personal.PersonalDataKeys;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the data subjects' keys from the command side's key table. A replay opens many fields of the same subject,
 * so keys (and their absence) are cached briefly; the price is that a key destroyed by DeleteAccount can still open
 * fields here for up to the TTL, which the projections' own scrubbing on AccountDeleted covers.
 */
@Component
public class JdbcPersonalDataKeys implements PersonalDataKeys {

    private static final int MAX_CACHED = 10_000;

    private final JdbcTemplate jdbc;
    private final Duration ttl;
    private final Clock clock = Clock.systemUTC(); // real time, not the business Clock bean that tests move
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public JdbcPersonalDataKeys(JdbcTemplate jdbc, @Value("${booking.personal-data.key-cache-ttl:30s}") Duration ttl) {
        this.jdbc = jdbc;
        this.ttl = ttl;
    }

    @Override
    public Optional<byte[]> find(String subjectId) {
        Instant now = clock.instant();
        Cached cached = cache.get(subjectId);
        if (cached != null && cached.expiresAt().isAfter(now)) {
            return cached.key();
        }
        List<byte[]> rows = jdbc.query("select key from command.personal_data_key where subject_id = ?",
                (rs, i) -> rs.getBytes(1), subjectId);
        Optional<byte[]> key = rows.stream().findFirst();
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.put(subjectId, new Cached(key, now.plus(ttl)));
        return key;
    }

    private record Cached(Optional<byte[]> key, Instant expiresAt) {
    }
}
