package io.gatekey.application.port.out;

import io.gatekey.domain.mfa.LockoutPolicy;
import io.gatekey.domain.mfa.MfaSerialNumber;
import java.time.Instant;
import java.util.Optional;

/**
 * Counts consecutive failed codes per device and locks devices that reach the limit. An attempt is reserved
 * before its code is judged (or made on a device its transaction holds, see {@link #countFailure}), so however many
 * requests, threads or nodes try at once, at most the policy's number of codes is judged before the device locks.
 */
public interface MfaFailureCounter {

    /**
     * Reserves one attempt: atomically adds one to the device's consecutive failures, unless the device is locked
     * at {@code now} or its count has reached the policy's limit; then returns false, changing nothing. A reserved
     * attempt that succeeds is cleared with the count by {@link UsedTimeStepGuard#acceptIfLater} or by enabling; one
     * that fails is settled with {@link #settleFailure}; one that is not judged after all is given back with
     * {@link #releaseAttempt}.
     */
    boolean reserveAttempt(MfaSerialNumber serialNumber, Instant now, LockoutPolicy policy);

    /**
     * A reserved attempt failed. When the count has reached the limit, the device is locked until
     * {@code now + lockDuration} and its count starts again from zero; returns that lock to the one call that
     * started it, empty otherwise. Atomic.
     */
    Optional<Instant> settleFailure(MfaSerialNumber serialNumber, Instant now, LockoutPolicy policy);

    /**
     * Books a failed attempt without a reservation, for a device this transaction holds
     * ({@link MfaDeviceRepository#findForUpdate}) and read unlocked with {@code heldCount} failures: the count goes
     * up by one or, when this failure reaches the policy's limit, the device is locked until
     * {@code now + lockDuration} and its count starts again; returns that lock. One atomic write that applies only
     * to the device as held; a device changed since is a lost race, and the transaction runs again.
     */
    Optional<Instant> countFailure(MfaSerialNumber serialNumber, int heldCount, Instant now, LockoutPolicy policy);

    /** Gives back a reserved attempt that was not judged (the count goes down by one, never below zero). */
    void releaseAttempt(MfaSerialNumber serialNumber);

    /** Clears the count and any lock; returns false when there is no such device. */
    boolean unlock(MfaSerialNumber serialNumber);
}
