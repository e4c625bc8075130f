package io.gatekey.domain.secret;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

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
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, current, nonce, associatedData);
            byte[] out = new byte[NONCE_BYTES + cipher.getOutputSize(plaintext.length)];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            cipher.doFinal(plaintext, 0, plaintext.length, out, NONCE_BYTES);
            return new SealedSecret(current.version(), out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
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
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, Arrays.copyOf(sealed, NONCE_BYTES), associatedData);
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new SecretIntegrityException("sealed value does not open here: wrong key, wrong place or tampered");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }

    /**
     * The JDK's AES-GCM (it uses the processor's AES and carry-less multiply instructions), one kept per thread and
     * initialised afresh for every value: the output is nonce, ciphertext and 128-bit tag, as it always was.
     */
    private static Cipher cipher(int mode, MasterKey key, byte[] nonce, byte[] associatedData) throws GeneralSecurityException {
        Cipher cipher = CIPHERS.get();
        cipher.init(mode, key.spec(), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(associatedData);
        return cipher;
    }

    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks AES/GCM", e);
        }
    });
}
