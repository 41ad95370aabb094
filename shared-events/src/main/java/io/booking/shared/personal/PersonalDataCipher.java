package io.booking.shared.personal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals and opens {@link PersonalData} with AES-256-GCM from the JCA. The subject id is bound as associated data,
 * so a ciphertext cannot be moved to another subject.
 */
public final class PersonalDataCipher {

    /** What a reader sees where the subject's key has been destroyed. */
    public static final String ERASED = "[erased]";

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * A JCA lookup per value (provider list, service keys) cost more than the AES itself in a profile of the on-sale
     * rush; a Cipher is not thread-safe, so each thread keeps one and initialises it with a fresh IV for every value.
     */
    private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance(TRANSFORMATION);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    });

    private final PersonalDataKeys keys;

    public PersonalDataCipher(PersonalDataKeys keys) {
        this.keys = keys;
    }

    public static byte[] newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, RANDOM);
            return generator.generateKey().getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256 is not available", e);
        }
    }

    /** Seals a value for a subject; null stays null (an optional field left empty). */
    public PersonalData seal(String subjectId, String plaintext) {
        if (plaintext == null) {
            return null;
        }
        byte[] key = keys.find(subjectId)
                .orElseThrow(() -> new IllegalStateException("no personal-data key for subject " + subjectId));
        return seal(subjectId, key, plaintext);
    }

    /** Seals a value for a subject whose key may be gone (an erased customer): empty then, and for null. */
    public Optional<PersonalData> sealIfKept(String subjectId, String plaintext) {
        return plaintext == null ? Optional.empty() : keys.find(subjectId).map(key -> seal(subjectId, key, plaintext));
    }

    public static PersonalData seal(String subjectId, byte[] key, String plaintext) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = CIPHER.get();
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(subjectId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv)
                    .put(sealed)
                    .array();
            return new PersonalData(subjectId, Base64.getEncoder().encodeToString(out));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing personal data failed", e);
        }
    }

    /** The clear value, {@link #ERASED} when the subject's key is gone, or null for an empty optional field. */
    public String open(PersonalData data) {
        if (data == null) {
            return null;
        }
        Optional<byte[]> key = keys.find(data.subjectId());
        return key.map(k -> open(data, k)).orElse(ERASED);
    }

    public static String open(PersonalData data, byte[] key) {
        try {
            byte[] in = Base64.getDecoder().decode(data.ciphertext());
            Cipher cipher = CIPHER.get();
            cipher.init(
                    Cipher.DECRYPT_MODE,
                    new SecretKeySpec(key, "AES"),
                    new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(data.subjectId().getBytes(StandardCharsets.UTF_8));
            byte[] clear = cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES);
            return new String(clear, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("personal data of subject " + data.subjectId() + " cannot be opened", e);
        }
    }
}
