package io.booking.command.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.text.ParseException;
import java.util.List;
import java.util.UUID;

/**
 * The RSA key that signs access tokens. It lives in the database, so every command-side instance signs with the
 * same key and tokens survive a restart; the first instance to start creates it.
 */
@Component
public class SigningKeys {

    private final RSAKey key;

    public SigningKeys(JdbcTemplate jdbc) {
        this.key = loadOrCreate(jdbc);
    }

    private static RSAKey loadOrCreate(JdbcTemplate jdbc) {
        List<String> stored =
                jdbc.queryForList("select jwk from signing_key order by created_at limit 1", String.class);
        if (stored.isEmpty()) {
            try {
                RSAKey generated = new RSAKeyGenerator(2048)
                        .keyID(UUID.randomUUID().toString())
                        .generate();
                jdbc.update(
                        "insert into signing_key (key_id, jwk) values (?, ?) on conflict do nothing",
                        generated.getKeyID(),
                        generated.toJSONString());
            } catch (JOSEException e) {
                throw new IllegalStateException("cannot generate the token signing key", e);
            }
            stored = jdbc.queryForList("select jwk from signing_key order by created_at limit 1", String.class);
        }
        try {
            return RSAKey.parse(stored.get(0));
        } catch (ParseException e) {
            throw new IllegalStateException("the stored token signing key is unreadable", e);
        }
    }

    public RSAKey signingKey() {
        return key;
    }

    public JWKSet publicKeys() {
        return new JWKSet(key.toPublicJWK());
    }
}
