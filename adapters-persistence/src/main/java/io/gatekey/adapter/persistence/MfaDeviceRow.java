package io.gatekey.adapter.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.sql.Connection;
import java.util.Optional;

@MappedEntity("mfa_device")
record MfaDeviceRow(@Id String serialNumber, String accountId, String subAccountId, String deviceType, byte[] seedSealed,
                    int keyVersion, String algorithm, int digits, int periodSeconds, String status, long lastAcceptedStep,
                    int failedAttempts, @Nullable Long lockedUntilMs, int driftSteps, long createdMs, @Nullable Long enabledMs,
                    boolean ownerBound) {

    private static final String SELECT = "SELECT serial_number, account_id, sub_account_id, device_type, seed_sealed, key_version, algorithm, digits, "
            + "period_seconds, status, last_accepted_step, failed_attempts, locked_until_ms, drift_steps, created_ms, enabled_ms, owner_bound "
            + "FROM mfa_device WHERE serial_number = ?";

    /**
     * The device with this serial number, on the given connection, mapped by column position: the read of every code
     * checked in a shared commit, spared what a repository query costs per row (as {@link OwnedKeyRow}).
     */
    static Optional<MfaDeviceRow> find(Connection connection, String serialNumber) {
        return Statements.queryOne(connection, SELECT, serialNumber, row -> new MfaDeviceRow(row.getString(1), row.getString(2), row.getString(3),
                row.getString(4), row.getBytes(5), row.getInt(6), row.getString(7), row.getInt(8), row.getInt(9), row.getString(10), row.getLong(11),
                row.getInt(12), Statements.nullableLong(row, 13), row.getInt(14), row.getLong(15), Statements.nullableLong(row, 16), row.getBoolean(17)));
    }
}
