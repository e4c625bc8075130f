package io.gatekey.adapter.persistence;

import io.gatekey.application.port.out.MfaDeviceRepository;
import io.gatekey.application.port.out.MfaFailureCounter;
import io.gatekey.application.port.out.UsedTimeStepGuard;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.SubAccountId;
import io.gatekey.domain.mfa.LockoutPolicy;
import io.gatekey.domain.mfa.MfaDevice;
import io.gatekey.domain.mfa.MfaDeviceStatus;
import io.gatekey.domain.mfa.MfaDeviceType;
import io.gatekey.domain.mfa.MfaSerialNumber;
import io.gatekey.domain.mfa.TotpAlgorithm;
import io.gatekey.domain.mfa.TotpParameters;
import io.gatekey.domain.mfa.TotpSeed;
import io.gatekey.domain.secret.SealedSecret;
import io.gatekey.domain.shared.ConflictException;
import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * MFA devices in the database, seeds sealed. The single-use rule and the lockout are conditional UPDATEs on the
 * device's row, so the database serialises them across every node.
 */
@Singleton
@StorageBoundary
class JdbcMfaDeviceStore implements MfaDeviceRepository, UsedTimeStepGuard, MfaFailureCounter {

    static final String TABLE = "mfa_device";
    static final String SEED = "seed";

    private static final String UNLOCKED = " AND (locked_until_ms IS NULL OR locked_until_ms <= ?)";
    /** A code accepted on a device as read: a later step, the count read, no lock in force. */
    private static final RowUpdate ACCEPT_HELD = new RowUpdate(TABLE, "UPDATE mfa_device SET last_accepted_step = ?, failed_attempts = 0 "
            + "WHERE serial_number = ? AND last_accepted_step < ? AND failed_attempts = ?" + UNLOCKED, 2);
    /** One more failure on a device as read. */
    private static final RowUpdate COUNT_HELD = new RowUpdate(TABLE, "UPDATE mfa_device SET failed_attempts = failed_attempts + 1 "
            + "WHERE serial_number = ? AND failed_attempts = ?" + UNLOCKED, 1);
    /** The failure that reaches the limit on a device as read locks it; the count starts again. */
    private static final RowUpdate LOCK_HELD = new RowUpdate(TABLE, "UPDATE mfa_device SET locked_until_ms = ?, failed_attempts = 0 "
            + "WHERE serial_number = ? AND failed_attempts = ?" + UNLOCKED, 2);

    private final MfaDeviceRows rows;
    private final Sealing sealing;
    private final ConnectionOperations<Connection> connections;

    JdbcMfaDeviceStore(MfaDeviceRows rows, Sealing sealing, ConnectionOperations<Connection> connections) {
        this.rows = rows;
        this.sealing = sealing;
        this.connections = connections;
    }

    @Override
    public void add(MfaDevice device) {
        if (rows.findById(device.serialNumber().value()).isPresent()) {
            throw new ConflictException(ConflictException.Conflict.MFA_DEVICE_NAME_TAKEN);
        }
        SealedSecret seed = sealing.seal(TABLE, device.serialNumber().value(), SEED,
                Sealing.owner(device.accountId().value(), device.subAccountId().value()), device.seed().bytes());
        try {
            rows.save(new MfaDeviceRow(device.serialNumber().value(), device.accountId().value(), device.subAccountId().value(),
                    device.type().name(), seed.sealed(), seed.keyVersion(), device.parameters().algorithm().name(),
                    device.parameters().digits(), device.parameters().periodSeconds(), device.status().name(),
                    device.lastAcceptedStep(), device.failedAttempts(), device.lockedUntil().map(Instant::toEpochMilli).orElse(null),
                    device.driftSteps(), device.createdAt().toEpochMilli(), device.enabledAt().map(Instant::toEpochMilli).orElse(null), true));
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                // Either key: the serial number, or the user's one device of the type.
                throw new ConflictException(rows.findById(device.serialNumber().value()).isPresent()
                        ? ConflictException.Conflict.MFA_DEVICE_NAME_TAKEN : ConflictException.Conflict.MFA_DEVICE_LIMIT);
            }
            throw e;
        }
    }

    @Override
    public Optional<MfaDevice> find(MfaSerialNumber serialNumber) {
        return rows.findById(serialNumber.value()).map(this::toDomain);
    }

    @Override
    @Shareable
    public Optional<MfaDevice> findForUpdate(MfaSerialNumber serialNumber) {
        // Gathering for a shared commit, there is no transaction to hold the row in: a plain read, which waits for
        // no lock, and the updates made on it apply only to the row as read.
        Optional<MfaDeviceRow> row = SharedWrites.gathering() != null
                ? connections.executeRead(status -> MfaDeviceRow.find(status.getConnection(), serialNumber.value()))
                : rows.findForUpdate(serialNumber.value());
        return row.map(this::toDomain);
    }

    @Override
    public List<MfaDevice> listBySubAccount(SubAccountId subAccountId) {
        return rows.listBySubAccount(subAccountId.value()).stream().map(this::toDomain).toList();
    }

    @Override
    public List<MfaDevice> page(AccountId accountId, Optional<SubAccountId> subAccountId, Optional<MfaSerialNumber> after, int limit) {
        String marker = after.map(MfaSerialNumber::value).orElse("");
        List<MfaDeviceRow> found = subAccountId
                .map(user -> rows.pageOfSubAccount(accountId.value(), user.value(), marker, limit))
                .orElseGet(() -> rows.pageOfAccount(accountId.value(), marker, limit));
        return found.stream().map(this::toDomain).toList();
    }

    @Override
    public boolean markEnabled(MfaSerialNumber serialNumber, long acceptedStep, int driftSteps, Instant at) {
        return rows.markEnabled(serialNumber.value(), acceptedStep, driftSteps, at.toEpochMilli()) == 1;
    }

    @Override
    public boolean markDisabled(MfaSerialNumber serialNumber) {
        return rows.markDisabled(serialNumber.value()) == 1;
    }

    @Override
    public boolean setDrift(MfaSerialNumber serialNumber, int driftSteps) {
        return rows.updateDrift(serialNumber.value(), driftSteps) == 1;
    }

    @Override
    public boolean delete(MfaSerialNumber serialNumber) {
        return rows.deleteRow(serialNumber.value()) == 1;
    }

    @Override
    public boolean deleteUnlessEnabled(MfaSerialNumber serialNumber) {
        return rows.deleteUnlessEnabled(serialNumber.value()) == 1;
    }

    @Override
    public boolean acceptIfLater(MfaSerialNumber serialNumber, long step) {
        return rows.acceptIfLater(serialNumber.value(), step) == 1;
    }

    @Override
    public boolean reserveAttempt(MfaSerialNumber serialNumber, Instant now, LockoutPolicy policy) {
        return rows.reserveAttempt(serialNumber.value(), policy.maxFailures(), now.toEpochMilli()) == 1;
    }

    @Override
    public Optional<Instant> settleFailure(MfaSerialNumber serialNumber, Instant now, LockoutPolicy policy) {
        Instant lockUntil = now.plus(policy.lockDuration());
        return rows.lockAtLimit(serialNumber.value(), policy.maxFailures(), lockUntil.toEpochMilli()) == 1 ? Optional.of(lockUntil) : Optional.empty();
    }

    @Override
    @Shareable
    public boolean acceptHeld(MfaSerialNumber serialNumber, long step, int heldCount, Instant now) {
        return ACCEPT_HELD.updateOrGather(connections, step, serialNumber.value(), step, heldCount, now.toEpochMilli()) == 1;
    }

    @Override
    @Shareable
    public Optional<Instant> countFailure(MfaSerialNumber serialNumber, int heldCount, Instant now, LockoutPolicy policy) {
        boolean locks = heldCount + 1 >= policy.maxFailures();
        Instant lockUntil = now.plus(policy.lockDuration());
        int changed = locks ? LOCK_HELD.updateOrGather(connections, lockUntil.toEpochMilli(), serialNumber.value(), heldCount, now.toEpochMilli())
                : COUNT_HELD.updateOrGather(connections, serialNumber.value(), heldCount, now.toEpochMilli());
        if (changed != 1) {
            throw new SqlErrors.LostRace("device " + serialNumber + " changed while held", null);
        }
        return locks ? Optional.of(lockUntil) : Optional.empty();
    }

    @Override
    public void releaseAttempt(MfaSerialNumber serialNumber) {
        rows.releaseAttempt(serialNumber.value());
    }

    @Override
    public boolean unlock(MfaSerialNumber serialNumber) {
        return rows.unlock(serialNumber.value()) == 1;
    }

    static String owner(MfaDeviceRow row) {
        return Sealing.owner(row.accountId(), row.subAccountId());
    }

    private MfaDevice toDomain(MfaDeviceRow row) {
        TotpSeed seed = TotpSeed.of(sealing.open(TABLE, row.serialNumber(), SEED, owner(row), row.ownerBound(), row.seedSealed(), row.keyVersion()));
        TotpParameters parameters = new TotpParameters(TotpAlgorithm.valueOf(row.algorithm()), row.digits(), row.periodSeconds());
        return new MfaDevice(new MfaSerialNumber(row.serialNumber()), new AccountId(row.accountId()), new SubAccountId(row.subAccountId()),
                MfaDeviceType.valueOf(row.deviceType()), seed, parameters, MfaDeviceStatus.valueOf(row.status()),
                row.lastAcceptedStep(), row.failedAttempts(), Optional.ofNullable(row.lockedUntilMs()).map(Instant::ofEpochMilli),
                row.driftSteps(), Instant.ofEpochMilli(row.createdMs()), Optional.ofNullable(row.enabledMs()).map(Instant::ofEpochMilli));
    }
}
