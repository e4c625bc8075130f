package io.gatekey.domain.mfa;

import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.SubAccountId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A TOTP device of one sub account: created with a fresh seed, enabled with two consecutive codes, then used to
 * prove possession once per code. The checks here are pure; storage makes their effects atomic.
 */
public record MfaDevice(
        MfaSerialNumber serialNumber,
        AccountId accountId,
        SubAccountId subAccountId,
        MfaDeviceType type,
        TotpSeed seed,
        TotpParameters parameters,
        MfaDeviceStatus status,
        long lastAcceptedStep,
        int failedAttempts,
        Optional<Instant> lockedUntil,
        int driftSteps,
        Instant createdAt,
        Optional<Instant> enabledAt) {

    /** No step accepted yet. Real steps are positive, so every one of them is later. */
    public static final long NO_STEP = -1;
    /** One step either side of the expected one, as RFC 6238 s5.2 recommends for network delay. */
    public static final int VERIFY_WINDOW = 1;
    /** The wider search of enabling and resync: up to ten steps of clock drift either side. */
    public static final int RESYNC_WINDOW = 10;
    /** Drift is never recorded beyond the resync window, so a device cannot walk its window away over time. */
    public static final int MAX_DRIFT = RESYNC_WINDOW;

    public MfaDevice {
        Objects.requireNonNull(serialNumber, "serialNumber");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(subAccountId, "subAccountId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(lockedUntil, "lockedUntil");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(enabledAt, "enabledAt");
        if (!serialNumber.accountId().equals(accountId)) {
            throw new IllegalArgumentException("the serial number names another account");
        }
        if (Math.abs(driftSteps) > MAX_DRIFT) {
            throw new IllegalArgumentException("drift beyond " + MAX_DRIFT + " steps");
        }
    }

    public static MfaDevice create(AccountId accountId, SubAccountId owner, MfaDeviceName name, MfaDeviceType type,
                                   TotpSeed seed, TotpParameters parameters, Instant now) {
        return new MfaDevice(MfaSerialNumber.of(accountId, name), accountId, owner, type, seed, parameters,
                MfaDeviceStatus.PENDING, NO_STEP, 0, Optional.empty(), 0, now, Optional.empty());
    }

    public MfaDeviceName name() {
        return serialNumber.deviceName();
    }

    public boolean isEnabled() {
        return status == MfaDeviceStatus.ENABLED;
    }

    public boolean isLocked(Instant now) {
        return lockedUntil.map(now::isBefore).orElse(false);
    }

    public long currentStep(Instant now) {
        return Totp.stepAt(now, parameters.periodSeconds());
    }

    /** Checks one code of an enabled device against the window around the expected step (drift included). */
    public MfaCheck check(String code, Instant now) {
        if (isEnabled() && isLocked(now)) {
            return new MfaCheck.Rejected(MfaCheck.Reason.LOCKED);
        }
        return judge(code, now);
    }

    /**
     * Like {@link #check} but without looking at the lock, for a caller whose storage has already reserved this
     * attempt under the lockout (so the lock read here may be stale).
     */
    public MfaCheck judge(String code, Instant now) {
        if (!isEnabled()) {
            return new MfaCheck.Rejected(MfaCheck.Reason.NOT_ENABLED);
        }
        if (!Totp.wellFormed(code, parameters.digits())) {
            return new MfaCheck.Rejected(MfaCheck.Reason.MALFORMED);
        }
        long current = currentStep(now);
        long expected = current + driftSteps;
        long first = expected - VERIFY_WINDOW;
        long matches = Totp.matchingSteps(seed, parameters, code, first, expected + VERIFY_WINDOW);
        if (matches == 0) {
            return new MfaCheck.Rejected(MfaCheck.Reason.INVALID);
        }
        // The lowest matching step that is still unused wins; every step was computed before this choice.
        long unused = matches & ~usedUpTo(first, lastAcceptedStep);
        if (unused == 0) {
            return new MfaCheck.Rejected(MfaCheck.Reason.REPLAYED);
        }
        long step = first + Long.numberOfTrailingZeros(unused);
        return new MfaCheck.Accepted(step, (int) (step - current));
    }

    /** The mask of the steps from {@code first} that are at most {@code lastAccepted} (used up). */
    private static long usedUpTo(long first, long lastAccepted) {
        long used = lastAccepted - first + 1;
        if (used <= 0) {
            return 0;
        }
        return used >= 63 ? -1L : (1L << used) - 1;
    }

    /**
     * Checks two codes that must belong to consecutive steps within the resync window around the server's clock
     * (not the recorded drift: this is how drift is measured). Accepted names the second code's step.
     */
    public MfaCheck checkConsecutive(String first, String second, Instant now) {
        if (isLocked(now)) {
            return new MfaCheck.Rejected(MfaCheck.Reason.LOCKED);
        }
        return judgeConsecutive(first, second, now);
    }

    /** Like {@link #checkConsecutive} but without looking at the lock (see {@link #judge}). */
    public MfaCheck judgeConsecutive(String first, String second, Instant now) {
        if (!Totp.wellFormed(first, parameters.digits()) || !Totp.wellFormed(second, parameters.digits())) {
            return new MfaCheck.Rejected(MfaCheck.Reason.MALFORMED);
        }
        long current = currentStep(now);
        long low = current - RESYNC_WINDOW;
        long firstSteps = Totp.matchingSteps(seed, parameters, first, low, current + RESYNC_WINDOW);
        long secondSteps = Totp.matchingSteps(seed, parameters, second, low, current + RESYNC_WINDOW);
        if (firstSteps == 0 || secondSteps == 0) {
            return new MfaCheck.Rejected(MfaCheck.Reason.INVALID);
        }
        // Bit i of pairEnds: the first code matched step low+i-1 and the second step low+i.
        long pairEnds = (firstSteps << 1) & secondSteps;
        if (pairEnds == 0) {
            return new MfaCheck.Rejected(MfaCheck.Reason.NOT_CONSECUTIVE);
        }
        // A pair whose first step is used up is a replay: its end must be past lastAccepted + 1.
        long fresh = pairEnds & ~usedUpTo(low, lastAcceptedStep + 1);
        if (fresh == 0) {
            return new MfaCheck.Rejected(MfaCheck.Reason.REPLAYED);
        }
        long end = low + Long.numberOfTrailingZeros(fresh);
        return new MfaCheck.Accepted(end, (int) (end - current));
    }

    public MfaDevice enabled(MfaCheck.Accepted proof, Instant now) {
        return new MfaDevice(serialNumber, accountId, subAccountId, type, seed, parameters, MfaDeviceStatus.ENABLED,
                proof.step(), 0, Optional.empty(), clampDrift(proof.offset()), createdAt, Optional.of(now));
    }

    public MfaDevice disabled() {
        return new MfaDevice(serialNumber, accountId, subAccountId, type, seed, parameters, MfaDeviceStatus.DISABLED,
                lastAcceptedStep, failedAttempts, lockedUntil, driftSteps, createdAt, enabledAt);
    }

    /** After a code of {@code step} was accepted: the step is used up and the failure count starts again. */
    public MfaDevice afterAccepted(long step) {
        return new MfaDevice(serialNumber, accountId, subAccountId, type, seed, parameters, status,
                Math.max(lastAcceptedStep, step), 0, lockedUntil, driftSteps, createdAt, enabledAt);
    }

    /** After a failed code: one more failure, and at the policy's limit a lock (the count then starts again). */
    public MfaDevice afterFailure(Instant now, LockoutPolicy policy) {
        int failures = failedAttempts + 1;
        return failures >= policy.maxFailures() ? lockedFrom(now, policy) : withFailedAttempts(failures);
    }

    /** The device with its consecutive failure count set (reserved attempts included). */
    public MfaDevice withFailedAttempts(int failures) {
        return new MfaDevice(serialNumber, accountId, subAccountId, type, seed, parameters, status,
                lastAcceptedStep, failures, lockedUntil, driftSteps, createdAt, enabledAt);
    }

    /** Locked from {@code now} for the policy's duration; the count starts again. */
    public MfaDevice lockedFrom(Instant now, LockoutPolicy policy) {
        return new MfaDevice(serialNumber, accountId, subAccountId, type, seed, parameters, status,
                lastAcceptedStep, 0, Optional.of(now.plus(policy.lockDuration())), driftSteps, createdAt, enabledAt);
    }

    public MfaDevice unlocked() {
        return new MfaDevice(serialNumber, accountId, subAccountId, type, seed, parameters, status,
                lastAcceptedStep, 0, Optional.empty(), driftSteps, createdAt, enabledAt);
    }

    public MfaDevice withDrift(int steps) {
        return new MfaDevice(serialNumber, accountId, subAccountId, type, seed, parameters, status,
                lastAcceptedStep, failedAttempts, lockedUntil, steps, createdAt, enabledAt);
    }

    /** The drift that a successful two-code check measured, bounded to {@link #MAX_DRIFT} steps. */
    public static int driftOf(MfaCheck.Accepted proof) {
        return clampDrift(proof.offset());
    }

    private static int clampDrift(int offset) {
        return Math.max(-MAX_DRIFT, Math.min(MAX_DRIFT, offset));
    }
}
