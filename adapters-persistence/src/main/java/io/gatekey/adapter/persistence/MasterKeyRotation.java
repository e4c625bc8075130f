package io.gatekey.adapter.persistence;

import io.gatekey.domain.secret.SealedSecret;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToIntFunction;

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
     * Re-seals every row sealed under another version than the active one (or not bound to its owner); returns how
     * many (the master key canary is re-sealed too, and not counted).
     */
    public int resealAll(int batchSize) {
        int resealed = resealPass(batchSize, false);
        canary.reseal();
        return resealed;
    }

    /**
     * Re-seals only the rows sealed before values were bound to their owner (the upgrade to schema version 3),
     * leaving rows of other key versions to a rotation; returns how many rows were re-sealed.
     */
    public int resealOwnerUnbound(int batchSize) {
        return resealPass(batchSize, true);
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

    /**
     * One pass over each table in key order, a batch at a time from the key the last batch ended at, so a pass
     * reads each row at most once however large the table (a batch that started from the first key again would read
     * past every row re-sealed before it). A row whose conditional update finds it changed was re-sealed by another
     * node meanwhile.
     */
    private int resealPass(int batchSize, boolean ownerUnboundOnly) {
        int version = sealing.activeVersion();
        return inBatches(batchSize, (after, limit) -> ownerUnboundOnly ? accessKeys.listOwnerUnbound(after, limit)
                        : accessKeys.listSealedOtherThan(version, after, limit), AccessKeyRow::id, this::reseal)
                + inBatches(batchSize, (after, limit) -> ownerUnboundOnly ? devices.listOwnerUnbound(after, limit)
                        : devices.listSealedOtherThan(version, after, limit), MfaDeviceRow::serialNumber, this::reseal)
                + inBatches(batchSize, (after, limit) -> ownerUnboundOnly ? credentials.listOwnerUnbound(after, limit)
                        : credentials.listSealedOtherThan(version, after, limit), TemporaryCredentialRow::accessKeyId, this::reseal);
    }

    private static <R> int inBatches(int batchSize, BiFunction<String, Integer, List<R>> batchAfter, Function<R, String> key, ToIntFunction<R> reseal) {
        int count = 0;
        String after = "";
        List<R> batch;
        do {
            batch = batchAfter.apply(after, batchSize);
            for (R row : batch) {
                count += reseal.applyAsInt(row);
                after = key.apply(row);
            }
        } while (batch.size() == batchSize);
        return count;
    }

    private int reseal(AccessKeyRow row) {
        Place place = new Place(JdbcAccessKeyRepository.TABLE, row.id(), JdbcAccessKeyRepository.owner(row), row.ownerBound(), row.keyVersion());
        SealedSecret secret = reseal(place, JdbcAccessKeyRepository.SECRET, row.secretSealed());
        return accessKeys.reseal(row.id(), secret.sealed(), secret.keyVersion(), row.keyVersion(), row.ownerBound());
    }

    private int reseal(MfaDeviceRow row) {
        Place place = new Place(JdbcMfaDeviceStore.TABLE, row.serialNumber(), JdbcMfaDeviceStore.owner(row), row.ownerBound(), row.keyVersion());
        SealedSecret seed = reseal(place, JdbcMfaDeviceStore.SEED, row.seedSealed());
        return devices.reseal(row.serialNumber(), seed.sealed(), seed.keyVersion(), row.keyVersion(), row.ownerBound());
    }

    private int reseal(TemporaryCredentialRow row) {
        String id = row.accessKeyId();
        Place place = new Place(JdbcTemporaryCredentialRepository.TABLE, id, JdbcTemporaryCredentialRepository.owner(row), row.ownerBound(), row.keyVersion());
        SealedSecret secret = reseal(place, JdbcTemporaryCredentialRepository.SECRET, row.secretSealed());
        SealedSecret token = reseal(place, JdbcTemporaryCredentialRepository.TOKEN, row.tokenSealed());
        return credentials.reseal(id, secret.sealed(), token.sealed(), secret.keyVersion(), row.keyVersion(), row.ownerBound());
    }

    /** Where a sealed row lives and how it was sealed. */
    private record Place(String table, String id, String owner, boolean ownerBound, int keyVersion) {
    }

    private SealedSecret reseal(Place place, String column, byte[] sealed) {
        byte[] plaintext = sealing.openForResealing(place.table(), place.id(), column, place.owner(), place.ownerBound(), sealed, place.keyVersion());
        return sealing.seal(place.table(), place.id(), column, place.owner(), plaintext);
    }
}
