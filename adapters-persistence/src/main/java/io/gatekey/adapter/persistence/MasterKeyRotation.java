package io.gatekey.adapter.persistence;

import io.gatekey.domain.secret.SealedSecret;
import jakarta.inject.Singleton;
import java.util.function.IntSupplier;

/**
 * Re-seals every stored secret under the active master key version, in small batches, each row with a
 * conditional update: rows stay readable throughout (every node knows the old and the new key), and a row that
 * changed meanwhile is simply left for the next pass.
 */
@Singleton
@StorageBoundary
public class MasterKeyRotation {

    private final AccessKeyRows accessKeys;
    private final MfaDeviceRows devices;
    private final TemporaryCredentialRows credentials;
    private final Sealing sealing;
    private final MasterKeyCanary canary;

    MasterKeyRotation(AccessKeyRows accessKeys, MfaDeviceRows devices, TemporaryCredentialRows credentials, Sealing sealing, MasterKeyCanary canary) {
        this.accessKeys = accessKeys;
        this.devices = devices;
        this.credentials = credentials;
        this.sealing = sealing;
        this.canary = canary;
    }

    /**
     * Re-seals until no row is sealed under another version; returns how many rows were re-sealed (the master key
     * canary is re-sealed too, and not counted).
     */
    public int resealAll(int batchSize) {
        int resealed = untilDone(() -> resealBatch(batchSize, false));
        canary.reseal();
        return resealed;
    }

    /**
     * Re-seals only the rows sealed before values were bound to their owner (the upgrade to schema version 3),
     * leaving rows of other key versions to a rotation; returns how many rows were re-sealed.
     */
    public int resealOwnerUnbound(int batchSize) {
        return untilDone(() -> resealBatch(batchSize, true));
    }

    /** How many rows are still sealed under another version than the active one (or not bound to their owner). */
    public long remaining() {
        int version = sealing.activeVersion();
        return accessKeys.countSealedOtherThan(version) + devices.countSealedOtherThan(version) + credentials.countSealedOtherThan(version);
    }

    /** The version that seals now. */
    public int activeVersion() {
        return sealing.activeVersion();
    }

    private static int untilDone(IntSupplier batch) {
        int total = 0;
        int done;
        do {
            done = batch.getAsInt();
            total += done;
        } while (done > 0);
        return total;
    }

    int resealBatch(int batchSize) {
        return resealBatch(batchSize, false);
    }

    private int resealBatch(int batchSize, boolean ownerUnboundOnly) {
        int version = sealing.activeVersion();
        int count = 0;
        for (AccessKeyRow row : ownerUnboundOnly ? accessKeys.listOwnerUnbound(batchSize) : accessKeys.listSealedOtherThan(version, batchSize)) {
            Place place = new Place(JdbcAccessKeyRepository.TABLE, row.id(), JdbcAccessKeyRepository.owner(row), row.ownerBound(), row.keyVersion());
            SealedSecret secret = reseal(place, JdbcAccessKeyRepository.SECRET, row.secretSealed());
            count += accessKeys.reseal(row.id(), secret.sealed(), secret.keyVersion(), row.keyVersion(), row.ownerBound());
        }
        for (MfaDeviceRow row : ownerUnboundOnly ? devices.listOwnerUnbound(batchSize) : devices.listSealedOtherThan(version, batchSize)) {
            Place place = new Place(JdbcMfaDeviceStore.TABLE, row.serialNumber(), JdbcMfaDeviceStore.owner(row), row.ownerBound(), row.keyVersion());
            SealedSecret seed = reseal(place, JdbcMfaDeviceStore.SEED, row.seedSealed());
            count += devices.reseal(row.serialNumber(), seed.sealed(), seed.keyVersion(), row.keyVersion(), row.ownerBound());
        }
        for (TemporaryCredentialRow row : ownerUnboundOnly ? credentials.listOwnerUnbound(batchSize)
                : credentials.listSealedOtherThan(version, batchSize)) {
            String id = row.accessKeyId();
            Place place = new Place(JdbcTemporaryCredentialRepository.TABLE, id, JdbcTemporaryCredentialRepository.owner(row), row.ownerBound(),
                    row.keyVersion());
            SealedSecret secret = reseal(place, JdbcTemporaryCredentialRepository.SECRET, row.secretSealed());
            SealedSecret token = reseal(place, JdbcTemporaryCredentialRepository.TOKEN, row.tokenSealed());
            count += credentials.reseal(id, secret.sealed(), token.sealed(), secret.keyVersion(), row.keyVersion(), row.ownerBound());
        }
        return count;
    }

    /** Where a sealed row lives and how it was sealed. */
    private record Place(String table, String id, String owner, boolean ownerBound, int keyVersion) {
    }

    private SealedSecret reseal(Place place, String column, byte[] sealed) {
        byte[] plaintext = sealing.openForResealing(place.table(), place.id(), column, place.owner(), place.ownerBound(), sealed, place.keyVersion());
        return sealing.seal(place.table(), place.id(), column, place.owner(), plaintext);
    }
}
