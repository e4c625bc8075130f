package io.gatekey.domain.secret;

import io.gatekey.domain.shared.InvalidValueException;
import java.util.Base64;
import javax.crypto.spec.SecretKeySpec;

/** One version of the AES-256 key that seals secrets at rest. */
public final class MasterKey {

    public static final int BYTES = 32;

    private final int version;
    private final byte[] key;
    private final SecretKeySpec spec;

    public MasterKey(int version, byte[] key) {
        if (version < 1) {
            throw new InvalidValueException("masterKeyVersion", "1 or more");
        }
        if (key == null || key.length != BYTES) {
            throw new InvalidValueException("masterKey", "exactly 32 bytes (256 bits)");
        }
        this.version = version;
        this.key = key.clone();
        this.spec = new SecretKeySpec(this.key, "AES");
    }

    /** Parses Base64 of 32 bytes, the form of {@code GATEKEY_MASTER_KEY} and key files. */
    public static MasterKey fromBase64(int version, String base64) {
        try {
            return new MasterKey(version, Base64.getDecoder().decode(base64.strip()));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("masterKey", "Base64 of 32 random bytes");
        }
    }

    public int version() {
        return version;
    }

    byte[] key() {
        return key;
    }

    /** The key as the JDK's ciphers take it, made once. */
    SecretKeySpec spec() {
        return spec;
    }

    @Override
    public String toString() {
        return "MasterKey[version " + version + ", ***]";
    }
}
