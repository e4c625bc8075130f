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
import io.micronaut.transaction.TransactionOperations;
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

    private final MfaDeviceRows rows;
    private final Sealing sealing;
    private final TransactionOperations<Connection> transactions;

    JdbcMfaDeviceStore(MfaDeviceRows rows, Sealing sealing, TransactionOperations<Connection> transactions) {
        this.rows = rows;
        this.sealing = sealing;
        this.transactions = transactions;
    }

    @Override
    public void add(MfaDevice device) {
        if (rows.findById(device.serialNumber().value()).isPresent()) {
            throw new ConflictException(ConflictException.Conflict.MFA_DEVICE_NAME_TAKEN);
        }
        SealedSecret seed = sealing.seal(TABLE, device.serialNumber().value(), SEED, device.seed().bytes());
        try {
            rows.save(new MfaDeviceRow(device.serialNumber().value(), device.accountId().value(), device.subAccountId().value(),
                    device.type().name(), seed.sealed(), seed.keyVersion(), device.parameters().algorithm().name(),
                    device.parameters().digits(), device.parameters().periodSeconds(), device.status().name(),
                    device.lastAcceptedStep(), device.failedAttempts(), device.lockedUntil().map(Instant::toEpochMilli).orElse(null),
                    device.driftSteps(), device.createdAt().toEpochMilli(), device.enabledAt().map(Instant::toEpochMilli).orElse(null)));
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw new ConflictException(ConflictException.Conflict.MFA_DEVICE_NAME_TAKEN);
            }
            throw e;
        }
    }

    @Override
    public Optional<MfaDevice> find(MfaSerialNumber serialNumber) {
        return rows.findById(serialNumber.value()).map(this::toDomain);
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
    public boolean acceptIfLater(MfaSerialNumber serialNumber, long step) {
        return rows.acceptIfLater(serialNumber.value(), step) == 1;
    }

    @Override
    public Tally recordFailure(MfaSerialNumber serialNumber, Instant now, LockoutPolicy policy) {
        long lockUntil = now.plus(policy.lockDuration()).toEpochMilli();
        // The update takes the row lock; reading back inside the same transaction sees exactly its result.
        return transactions.executeWrite(status -> {
            if (rows.recordFailure(serialNumber.value(), policy.maxFailures(), lockUntil) == 0) {
                return new Tally(0, Optional.empty(), false);
            }
            MfaDeviceRow row = rows.findById(serialNumber.value()).orElseThrow();
            Optional<Instant> lockedUntil = Optional.ofNullable(row.lockedUntilMs()).map(Instant::ofEpochMilli);
            boolean lockStarted = row.failedAttempts() == 0 && row.lockedUntilMs() != null && row.lockedUntilMs() == lockUntil;
            return new Tally(row.failedAttempts(), lockedUntil, lockStarted);
        });
    }

    @Override
    public boolean unlock(MfaSerialNumber serialNumber) {
        return rows.unlock(serialNumber.value()) == 1;
    }

    private MfaDevice toDomain(MfaDeviceRow row) {
        TotpSeed seed = TotpSeed.of(sealing.open(TABLE, row.serialNumber(), SEED, row.seedSealed(), row.keyVersion()));
        TotpParameters parameters = new TotpParameters(TotpAlgorithm.valueOf(row.algorithm()), row.digits(), row.periodSeconds());
        return new MfaDevice(new MfaSerialNumber(row.serialNumber()), new AccountId(row.accountId()), new SubAccountId(row.subAccountId()),
                MfaDeviceType.valueOf(row.deviceType()), seed, parameters, MfaDeviceStatus.valueOf(row.status()),
                row.lastAcceptedStep(), row.failedAttempts(), Optional.ofNullable(row.lockedUntilMs()).map(Instant::ofEpochMilli),
                row.driftSteps(), Instant.ofEpochMilli(row.createdMs()), Optional.ofNullable(row.enabledMs()).map(Instant::ofEpochMilli));
    }
}
