package io.gatekey.domain.accesskey;

import io.gatekey.domain.shared.Identifiers;
import io.gatekey.domain.shared.InvalidValueException;
import io.gatekey.domain.shared.Secrets;
import java.nio.charset.StandardCharsets;

/**
 * The secret half of a key pair, as the text clients hold. Signatures are HMACs keyed with its UTF-8 bytes,
 * which is what NCP, Huawei and Tencent clients all do.
 */
public final class SecretKey {

    private final byte[] utf8;

    private SecretKey(byte[] utf8) {
        this.utf8 = utf8;
    }

    /** A new secret from 30 random bytes: 40 URL-safe Base64 characters. */
    public static SecretKey fromRandom(byte[] thirtyBytes) {
        if (thirtyBytes.length != 30) {
            throw new IllegalArgumentException("a secret key takes 30 random bytes");
        }
        return of(Identifiers.base64Url(thirtyBytes));
    }

    public static SecretKey of(String text) {
        if (text == null || text.length() < 16 || text.length() > 128) {
            throw new InvalidValueException("secretKey", "16-128 characters");
        }
        return new SecretKey(text.getBytes(StandardCharsets.UTF_8));
    }

    public static SecretKey fromBytes(byte[] utf8) {
        return of(new String(utf8, StandardCharsets.UTF_8));
    }

    /** The HMAC key. A copy: callers may wipe it. */
    public byte[] bytes() {
        return utf8.clone();
    }

    /** The secret as text, for the one answer that hands it to its owner. */
    public String reveal() {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    /** Constant time, so equality checks do not leak a prefix. */
    public boolean sameAs(SecretKey other) {
        return Secrets.constantTimeEquals(utf8, other.utf8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecretKey other && sameAs(other);
    }

    @Override
    public int hashCode() {
        return utf8.length;
    }

    @Override
    public String toString() {
        return "***";
    }
}
