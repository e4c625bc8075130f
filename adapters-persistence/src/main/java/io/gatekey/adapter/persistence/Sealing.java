package io.gatekey.adapter.persistence;

import io.gatekey.application.port.out.SecretSealer;
import io.gatekey.application.port.out.Telemetry;
import io.gatekey.domain.secret.SealedSecret;
import io.gatekey.domain.secret.SecretIntegrityException;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Seals column values with the row's place and owner as associated data ({@code table/id/column|account/sub
 * account}), so a sealed value copied into another row or column, or a row moved to another owner by someone with
 * write access to the database, does not open.
 */
@Singleton
final class Sealing {

    private final SecretSealer sealer;
    private final Telemetry telemetry;

    Sealing(SecretSealer sealer, Optional<Telemetry> telemetry) {
        this.sealer = sealer;
        this.telemetry = telemetry.orElse(Telemetry.NONE);
    }

    /** The owner part of the associated data: the account and, for a user's row, the sub account. */
    static String owner(String accountId, String subAccountId) {
        return accountId + "/" + (subAccountId == null ? "" : subAccountId);
    }

    SealedSecret seal(String table, String id, String column, String owner, byte[] plaintext) {
        return sealer.seal(plaintext, place(table, id, column, owner));
    }

    /**
     * Opens a value sealed with its owner. A row sealed before owners were bound ({@code ownerBound} false) does not
     * open here: its associated data would accept any owner, so it waits for {@link MasterKeyRotation} to re-seal it.
     */
    byte[] open(String table, String id, String column, String owner, boolean ownerBound, byte[] sealed, int keyVersion) {
        if (!ownerBound) {
            throw new SecretIntegrityException(table + " " + id + " was sealed before values were bound to their owner; "
                    + "start the server once or run 'gatekey db migrate' to re-seal it");
        }
        byte[] opened = sealer.open(new SealedSecret(keyVersion, sealed), place(table, id, column, owner));
        telemetry.secretOpened();
        return opened;
    }

    /** Opens a row whichever way it was sealed; only re-sealing may read a row sealed before owners were bound. */
    byte[] openForResealing(String table, String id, String column, String owner, boolean ownerBound, byte[] sealed, int keyVersion) {
        byte[] associatedData = ownerBound ? place(table, id, column, owner) : legacyPlace(table, id, column);
        return sealer.open(new SealedSecret(keyVersion, sealed), associatedData);
    }

    int activeVersion() {
        return sealer.currentKeyVersion();
    }

    private static byte[] place(String table, String id, String column, String owner) {
        return (table + "/" + id + "/" + column + "|" + owner).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] legacyPlace(String table, String id, String column) {
        return (table + "/" + id + "/" + column).getBytes(StandardCharsets.UTF_8);
    }
}
