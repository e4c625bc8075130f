package io.gatekey.application.embedded;

import io.gatekey.application.port.out.MfaDeviceRepository;
import io.gatekey.application.port.out.MfaFailureCounter;
import io.gatekey.application.port.out.UsedTimeStepGuard;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.SubAccountId;
import io.gatekey.domain.mfa.LockoutPolicy;
import io.gatekey.domain.mfa.MfaCheck;
import io.gatekey.domain.mfa.MfaDevice;
import io.gatekey.domain.mfa.MfaDeviceStatus;
import io.gatekey.domain.mfa.MfaSerialNumber;
import io.gatekey.domain.shared.ConflictException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * MFA devices in memory, with the step guard and failure counter over the same entries, so that each of their
 * updates is one atomic {@code compute} on the device.
 */
public final class InMemoryMfaDevices implements MfaDeviceRepository, UsedTimeStepGuard, MfaFailureCounter {

    private static final Comparator<MfaDevice> BY_SERIAL = Comparator.comparing(device -> device.serialNumber().value());

    private final ConcurrentHashMap<MfaSerialNumber, MfaDevice> devices = new ConcurrentHashMap<>();

    @Override
    public synchronized void add(MfaDevice device) {
        if (devices.containsKey(device.serialNumber())) {
            throw new ConflictException(ConflictException.Conflict.MFA_DEVICE_NAME_TAKEN);
        }
        if (devices.values().stream().anyMatch(d -> d.subAccountId().equals(device.subAccountId()) && d.type() == device.type())) {
            throw new ConflictException(ConflictException.Conflict.MFA_DEVICE_LIMIT);
        }
        devices.put(device.serialNumber(), device);
    }

    @Override
    public Optional<MfaDevice> find(MfaSerialNumber serialNumber) {
        return Optional.ofNullable(devices.get(serialNumber));
    }

    @Override
    public Optional<MfaDevice> findForUpdate(MfaSerialNumber serialNumber) {
        return find(serialNumber);
    }

    @Override
    public List<MfaDevice> listBySubAccount(SubAccountId subAccountId) {
        return devices.values().stream().filter(d -> d.subAccountId().equals(subAccountId)).sorted(BY_SERIAL).toList();
    }

    @Override
    public List<MfaDevice> page(AccountId accountId, Optional<SubAccountId> subAccountId, Optional<MfaSerialNumber> after, int limit) {
        return devices.values().stream()
                .filter(d -> d.accountId().equals(accountId))
                .filter(d -> subAccountId.map(d.subAccountId()::equals).orElse(true))
                .filter(d -> after.map(marker -> d.serialNumber().value().compareTo(marker.value()) > 0).orElse(true))
                .sorted(BY_SERIAL)
                .limit(limit)
                .toList();
    }

    @Override
    public boolean markEnabled(MfaSerialNumber serialNumber, long acceptedStep, int driftSteps, Instant at) {
        AtomicBoolean changed = new AtomicBoolean();
        devices.computeIfPresent(serialNumber, (serial, device) -> {
            if (device.isEnabled()) {
                return device;
            }
            changed.set(true);
            return device.enabled(new MfaCheck.Accepted(Math.max(acceptedStep, device.lastAcceptedStep()), driftSteps), at);
        });
        return changed.get();
    }

    @Override
    public boolean markDisabled(MfaSerialNumber serialNumber) {
        AtomicBoolean changed = new AtomicBoolean();
        devices.computeIfPresent(serialNumber, (serial, device) -> {
            if (device.status() != MfaDeviceStatus.ENABLED) {
                return device;
            }
            changed.set(true);
            return device.disabled();
        });
        return changed.get();
    }

    @Override
    public boolean setDrift(MfaSerialNumber serialNumber, int driftSteps) {
        return devices.computeIfPresent(serialNumber, (serial, device) -> device.withDrift(driftSteps)) != null;
    }

    @Override
    public boolean delete(MfaSerialNumber serialNumber) {
        return devices.remove(serialNumber) != null;
    }

    @Override
    public boolean deleteUnlessEnabled(MfaSerialNumber serialNumber) {
        AtomicBoolean removed = new AtomicBoolean();
        devices.computeIfPresent(serialNumber, (serial, device) -> {
            if (device.isEnabled()) {
                return device;
            }
            removed.set(true);
            return null;
        });
        return removed.get();
    }

    @Override
    public boolean acceptIfLater(MfaSerialNumber serialNumber, long step) {
        AtomicBoolean accepted = new AtomicBoolean();
        devices.computeIfPresent(serialNumber, (serial, device) -> {
            if (step <= device.lastAcceptedStep()) {
                return device;
            }
            accepted.set(true);
            return device.afterAccepted(step);
        });
        return accepted.get();
    }

    @Override
    public boolean acceptHeld(MfaSerialNumber serialNumber, long step, int heldCount, Instant now) {
        AtomicBoolean accepted = new AtomicBoolean();
        devices.computeIfPresent(serialNumber, (serial, device) -> {
            if (step <= device.lastAcceptedStep() || device.failedAttempts() != heldCount || device.isLocked(now)) {
                return device;
            }
            accepted.set(true);
            return device.afterAccepted(step);
        });
        return accepted.get();
    }

    @Override
    public boolean reserveAttempt(MfaSerialNumber serialNumber, Instant now, LockoutPolicy policy) {
        AtomicBoolean reserved = new AtomicBoolean();
        devices.computeIfPresent(serialNumber, (serial, device) -> {
            if (device.isLocked(now) || device.failedAttempts() >= policy.maxFailures()) {
                return device;
            }
            reserved.set(true);
            return device.withFailedAttempts(device.failedAttempts() + 1);
        });
        return reserved.get();
    }

    @Override
    public Optional<Instant> settleFailure(MfaSerialNumber serialNumber, Instant now, LockoutPolicy policy) {
        AtomicReference<Optional<Instant>> lock = new AtomicReference<>(Optional.empty());
        devices.computeIfPresent(serialNumber, (serial, device) -> {
            if (device.failedAttempts() < policy.maxFailures()) {
                return device;
            }
            MfaDevice locked = device.lockedFrom(now, policy);
            lock.set(locked.lockedUntil());
            return locked;
        });
        return lock.get();
    }

    @Override
    public Optional<Instant> countFailure(MfaSerialNumber serialNumber, int heldCount, Instant now, LockoutPolicy policy) {
        AtomicReference<Optional<Instant>> lock = new AtomicReference<>(Optional.empty());
        devices.computeIfPresent(serialNumber, (serial, device) -> {
            if (device.failedAttempts() != heldCount || device.isLocked(now)) {
                throw new IllegalStateException("device " + serial + " changed while held");
            }
            MfaDevice after = device.afterFailure(now, policy);
            if (after.failedAttempts() == 0) {
                lock.set(after.lockedUntil());
            }
            return after;
        });
        return lock.get();
    }

    @Override
    public void releaseAttempt(MfaSerialNumber serialNumber) {
        devices.computeIfPresent(serialNumber, (serial, device) -> device.withFailedAttempts(Math.max(0, device.failedAttempts() - 1)));
    }

    @Override
    public boolean unlock(MfaSerialNumber serialNumber) {
        return devices.computeIfPresent(serialNumber, (serial, device) -> device.unlocked()) != null;
    }
}
