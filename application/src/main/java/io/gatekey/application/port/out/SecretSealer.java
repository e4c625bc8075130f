package io.gatekey.application.port.out;

import io.gatekey.domain.secret.SealedSecret;

/** Seals secret material for storage (AES-256-GCM under a versioned master key) and opens it again. */
public interface SecretSealer {

    /** Seals under the current master key; {@code associatedData} names the value's place, e.g. its row id. */
    SealedSecret seal(byte[] plaintext, byte[] associatedData);

    /** Opens a value sealed under any known key version; fails with {@code SecretIntegrityException} when it does not open. */
    byte[] open(SealedSecret sealed, byte[] associatedData);

    /** The version new seals use; values sealed under older versions are due for re-sealing. */
    int currentKeyVersion();
}
