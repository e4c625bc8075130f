package io.gatekey.adapter.persistence;

import io.gatekey.application.port.out.SecretSealer;
import io.gatekey.domain.secret.SealedSecret;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;

/**
 * Seals column values with the row's place as associated data ({@code table/id/column}), so a sealed value copied
 * into another row, or into another column of the same row, does not open.
 */
@Singleton
final class Sealing {

    private final SecretSealer sealer;

    Sealing(SecretSealer sealer) {
        this.sealer = sealer;
    }

    SealedSecret seal(String table, String id, String column, byte[] plaintext) {
        return sealer.seal(plaintext, place(table, id, column));
    }

    byte[] open(String table, String id, String column, byte[] sealed, int keyVersion) {
        return sealer.open(new SealedSecret(keyVersion, sealed), place(table, id, column));
    }

    int activeVersion() {
        return sealer.currentKeyVersion();
    }

    private static byte[] place(String table, String id, String column) {
        return (table + "/" + id + "/" + column).getBytes(StandardCharsets.UTF_8);
    }
}
