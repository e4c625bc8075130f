package io.gatekey.application.port.out;

import io.gatekey.domain.mfa.LockoutPolicy;
import io.gatekey.domain.mfa.MfaSerialNumber;
import java.time.Instant;
import java.util.Optional;

/** Counts consecutive failed codes per device and locks devices that reach the limit. */
public interface MfaFailureCounter {

    /**
     * Adds one failure, atomically. When the count reaches the policy's limit, the device is locked until
     * {@code now + lockDuration} and its count starts again from zero.
     */
    Tally recordFailure(MfaSerialNumber serialNumber, Instant now, LockoutPolicy policy);

    /** Clears the count and any lock; returns false when there is no such device. */
    boolean unlock(MfaSerialNumber serialNumber);

    /** The state after a failure; {@code lockStarted} is true for the failure that locked the device. */
    record Tally(int consecutiveFailures, Optional<Instant> lockedUntil, boolean lockStarted) {
    }
}
