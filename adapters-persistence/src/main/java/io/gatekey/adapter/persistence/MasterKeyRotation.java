package io.gatekey.adapter.persistence;

import io.gatekey.domain.secret.SealedSecret;
import jakarta.inject.Singleton;

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

    MasterKeyRotation(AccessKeyRows accessKeys, MfaDeviceRows devices, TemporaryCredentialRows credentials, Sealing sealing) {
        this.accessKeys = accessKeys;
        this.devices = devices;
        this.credentials = credentials;
        this.sealing = sealing;
    }

    /** Re-seals until no row is sealed under another version; returns how many rows were re-sealed. */
    public int resealAll(int batchSize) {
        int total = 0;
        int batch;
        do {
            batch = resealBatch(batchSize);
            total += batch;
        } while (batch > 0);
        return total;
    }

    int resealBatch(int batchSize) {
        int version = sealing.activeVersion();
        int count = 0;
        for (AccessKeyRow row : accessKeys.listSealedOtherThan(version, batchSize)) {
            SealedSecret secret = reseal(JdbcAccessKeyRepository.TABLE, row.id(), JdbcAccessKeyRepository.SECRET, row.secretSealed(), row.keyVersion());
            count += accessKeys.reseal(row.id(), secret.sealed(), secret.keyVersion(), row.keyVersion());
        }
        for (MfaDeviceRow row : devices.listSealedOtherThan(version, batchSize)) {
            SealedSecret seed = reseal(JdbcMfaDeviceStore.TABLE, row.serialNumber(), JdbcMfaDeviceStore.SEED, row.seedSealed(), row.keyVersion());
            count += devices.reseal(row.serialNumber(), seed.sealed(), seed.keyVersion(), row.keyVersion());
        }
        for (TemporaryCredentialRow row : credentials.listSealedOtherThan(version, batchSize)) {
            String id = row.accessKeyId();
            SealedSecret secret = reseal(JdbcTemporaryCredentialRepository.TABLE, id, JdbcTemporaryCredentialRepository.SECRET, row.secretSealed(), row.keyVersion());
            SealedSecret token = reseal(JdbcTemporaryCredentialRepository.TABLE, id, JdbcTemporaryCredentialRepository.TOKEN, row.tokenSealed(), row.keyVersion());
            count += credentials.reseal(id, secret.sealed(), token.sealed(), secret.keyVersion(), row.keyVersion());
        }
        return count;
    }

    private SealedSecret reseal(String table, String id, String column, byte[] sealed, int version) {
        return sealing.seal(table, id, column, sealing.open(table, id, column, sealed, version));
    }
}
