package io.gatekey.application.embedded;

import io.gatekey.application.port.out.SecretSealer;
import io.gatekey.domain.secret.AesGcmSealer;
import io.gatekey.domain.secret.MasterKey;
import io.gatekey.domain.secret.SealedSecret;
import java.security.SecureRandom;
import java.util.List;

/** The secret sealer over AES-256-GCM: master keys from configuration, or one that lives only as long as this object. */
public final class AesGcmSecretSealer implements SecretSealer {

    private final AesGcmSealer sealer;

    public AesGcmSecretSealer(AesGcmSealer sealer) {
        this.sealer = sealer;
    }

    /** A sealer under a fresh random key that nothing else knows: for stores that die with it. */
    public static AesGcmSecretSealer withEphemeralKey() {
        SecureRandom random = new SecureRandom();
        byte[] key = new byte[MasterKey.BYTES];
        random.nextBytes(key);
        return new AesGcmSecretSealer(new AesGcmSealer(List.of(new MasterKey(1, key)), random));
    }

    @Override
    public SealedSecret seal(byte[] plaintext, byte[] associatedData) {
        return sealer.seal(plaintext, associatedData);
    }

    @Override
    public byte[] open(SealedSecret sealed, byte[] associatedData) {
        return sealer.open(sealed, associatedData);
    }

    @Override
    public int currentKeyVersion() {
        return sealer.currentVersion();
    }
}
