package io.gatekey.domain.secret;

import java.util.Arrays;
import java.util.Objects;

/** A secret sealed with AES-256-GCM: the master key version, and the nonce followed by ciphertext and tag. */
public record SealedSecret(int keyVersion, byte[] sealed) {

    public SealedSecret {
        sealed = Objects.requireNonNull(sealed, "sealed").clone();
    }

    @Override
    public byte[] sealed() {
        return sealed.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SealedSecret other && keyVersion == other.keyVersion && Arrays.equals(sealed, other.sealed);
    }

    @Override
    public int hashCode() {
        return 31 * keyVersion + Arrays.hashCode(sealed);
    }

    @Override
    public String toString() {
        return "SealedSecret[version " + keyVersion + ", " + sealed.length + " bytes]";
    }
}
