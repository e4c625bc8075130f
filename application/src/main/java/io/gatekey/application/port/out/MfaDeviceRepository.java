package io.gatekey.application.port.out;

import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.SubAccountId;
import io.gatekey.domain.mfa.MfaDevice;
import io.gatekey.domain.mfa.MfaSerialNumber;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stores MFA devices with their (sealed) seeds. The accepted step and the failure state of a device change only
 * through {@link UsedTimeStepGuard} and {@link MfaFailureCounter}, never by a write here that could undo them.
 */
public interface MfaDeviceRepository {

    /**
     * Adds a device; throws atomically {@code ConflictException(MFA_DEVICE_NAME_TAKEN)} when the serial number
     * exists, {@code ConflictException(MFA_DEVICE_LIMIT)} when the sub account holds a device of that type.
     */
    void add(MfaDevice device);

    Optional<MfaDevice> find(MfaSerialNumber serialNumber);

    /**
     * Reads the device for a check whose writes apply only to the device as read
     * ({@link UsedTimeStepGuard#acceptHeld}, {@link MfaFailureCounter#countFailure}). In a transaction the device is
     * held until it ends (another node that changes it meanwhile wins, and the transaction runs again), so those
     * writes apply; in a shared transaction ({@link TransactionRunner#inSharedTransaction}) one that finds the device
     * changed fails the shared commit, and the work runs again in a transaction of its own.
     */
    Optional<MfaDevice> findForUpdate(MfaSerialNumber serialNumber);

    /** The sub account's devices, ordered by serial number. */
    List<MfaDevice> listBySubAccount(SubAccountId subAccountId);

    /**
     * Up to {@code limit} devices of the account (of one sub account when given), ordered by serial number and
     * starting after {@code after} when given.
     */
    List<MfaDevice> page(AccountId accountId, Optional<SubAccountId> subAccountId, Optional<MfaSerialNumber> after, int limit);

    /**
     * Enables a device that is not enabled: records the step its second enabling code matched, its drift, and
     * the time. Atomic; returns false, changing nothing, when the device is missing or already enabled.
     */
    boolean markEnabled(MfaSerialNumber serialNumber, long acceptedStep, int driftSteps, Instant at);

    /** Disables an enabled device; returns false, changing nothing, when it is missing or not enabled. */
    boolean markDisabled(MfaSerialNumber serialNumber);

    /** Sets the recorded clock drift; returns false when there is no such device. */
    boolean setDrift(MfaSerialNumber serialNumber, int driftSteps);

    /** Removes the device; returns false when there was none. */
    boolean delete(MfaSerialNumber serialNumber);

    /** Removes the device unless it is enabled, atomically; returns false, changing nothing, when it is missing or enabled. */
    boolean deleteUnlessEnabled(MfaSerialNumber serialNumber);
}
