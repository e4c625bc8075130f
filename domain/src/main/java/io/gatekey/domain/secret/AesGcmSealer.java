package io.gatekey.domain.secret;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Seals secrets with AES-256-GCM under the newest master key and opens them under the version they name. The
 * associated data binds a sealed value to its place (a row id), so a value copied to another row does not open.
 */
public final class AesGcmSealer {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<Integer, MasterKey> keysByVersion = new TreeMap<>();
    private final MasterKey current;
    private final SecureRandom random;

    /** {@code keys} holds every version still in use; the highest version seals. */
    public AesGcmSealer(Iterable<MasterKey> keys, SecureRandom random) {
        this(keys, 0, random);
    }

    /**
     * {@code keys} holds every version still in use; {@code activeVersion} seals (0: the highest). A new version
     * can so be known to every node before any node seals with it.
     */
    public AesGcmSealer(Iterable<MasterKey> keys, int activeVersion, SecureRandom random) {
        for (MasterKey key : keys) {
            if (keysByVersion.putIfAbsent(key.version(), key) != null) {
                throw new IllegalArgumentException("two master keys with version " + key.version());
            }
        }
        if (keysByVersion.isEmpty()) {
            throw new IllegalArgumentException("at least one master key");
        }
        this.current = activeVersion == 0
                ? ((TreeMap<Integer, MasterKey>) keysByVersion).lastEntry().getValue()
                : keysByVersion.get(activeVersion);
        if (current == null) {
            throw new IllegalArgumentException("no master key of the active version " + activeVersion);
        }
        this.random = Objects.requireNonNull(random, "random");
    }

    public int currentVersion() {
        return current.version();
    }

    public SealedSecret seal(byte[] plaintext, byte[] associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        GCMModeCipher cipher = cipher(true, current, nonce, associatedData);
        byte[] out = new byte[NONCE_BYTES + cipher.getOutputSize(plaintext.length)];
        System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
        int written = cipher.processBytes(plaintext, 0, plaintext.length, out, NONCE_BYTES);
        try {
            cipher.doFinal(out, NONCE_BYTES + written);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("GCM encryption cannot fail", e);
        }
        return new SealedSecret(current.version(), out);
    }

    public byte[] open(SealedSecret sealedSecret, byte[] associatedData) {
        MasterKey key = keysByVersion.get(sealedSecret.keyVersion());
        if (key == null) {
            throw new SecretIntegrityException("no master key of version " + sealedSecret.keyVersion());
        }
        byte[] sealed = sealedSecret.sealed();
        if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new SecretIntegrityException("sealed value too short");
        }
        GCMModeCipher cipher = cipher(false, key, Arrays.copyOf(sealed, NONCE_BYTES), associatedData);
        byte[] plain = new byte[cipher.getOutputSize(sealed.length - NONCE_BYTES)];
        int written = cipher.processBytes(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES, plain, 0);
        try {
            cipher.doFinal(plain, written);
        } catch (InvalidCipherTextException e) {
            throw new SecretIntegrityException("sealed value does not open here: wrong key, wrong place or tampered");
        }
        return plain;
    }

    private static GCMModeCipher cipher(boolean encrypt, MasterKey key, byte[] nonce, byte[] associatedData) {
        GCMModeCipher cipher = GCMBlockCipher.newInstance(AESEngine.newInstance());
        cipher.init(encrypt, new AEADParameters(new KeyParameter(key.key()), TAG_BITS, nonce, associatedData));
        return cipher;
    }
}
