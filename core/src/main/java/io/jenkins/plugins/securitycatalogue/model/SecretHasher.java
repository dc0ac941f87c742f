package io.jenkins.plugins.securitycatalogue.model;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a secret found by a scanner into a keyed hash (HMAC-SHA-256) and a masked form, so that the same
 * secret keeps its identity across builds while its value is never stored. The key belongs to one catalogue;
 * without it, a stored hash cannot be checked against guessed values.
 */
public final class SecretHasher implements Serializable {
    private static final long serialVersionUID = 1L;

    private static final int KEY_BYTES = 32;

    private final byte[] key;

    private SecretHasher(byte[] key) {
        this.key = key.clone();
    }

    /** Creates a hasher with the given key, which must have at least 16 bytes. */
    public static SecretHasher withKey(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("A secret hashing key needs at least 16 bytes, got " + key.length);
        }
        return new SecretHasher(key);
    }

    /** Creates a new random key for a new catalogue. */
    public static byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return key;
    }

    /** Returns the hex HMAC-SHA-256 of the value. */
    public String hash(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException exception) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", exception);
        }
    }

    /**
     * Returns a masked form that helps a person recognise a secret without revealing it: the first four
     * characters of values of 16 characters or more, then asterisks; only asterisks for shorter values.
     */
    public static String mask(String value) {
        String stripped = value.strip();
        if (stripped.length() >= 16) {
            return stripped.substring(0, 4) + "****";
        }
        return "****";
    }
}
