package io.gatekey.application.embedded;

import io.gatekey.application.port.out.SecretSealer;
import io.gatekey.domain.secret.AesGcmSealer;
import io.gatekey.domain.secret.MasterKey;
import io.gatekey.domain.secret.SealedSecret;
import java.security.SecureRandom;
import java.util.List;

/** AES-256-GCM sealing under a master key that lives only as long as this object: for stores that die with it. */
public final class InMemorySecretSealer implements SecretSealer {

    private final AesGcmSealer sealer;

    public InMemorySecretSealer() {
        SecureRandom random = new SecureRandom();
        byte[] key = new byte[MasterKey.BYTES];
        random.nextBytes(key);
        this.sealer = new AesGcmSealer(List.of(new MasterKey(1, key)), random);
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
