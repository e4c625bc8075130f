package io.gatekey.application.service;

import io.gatekey.application.port.out.MfaFailureCounter;
import io.gatekey.application.port.out.Telemetry;
import io.gatekey.application.port.out.TransactionRunner;
import io.gatekey.application.port.out.UsedTimeStepGuard;
import io.gatekey.domain.access.Principal;
import io.gatekey.domain.audit.AuditEventType;
import io.gatekey.domain.mfa.LockoutPolicy;
import io.gatekey.domain.mfa.MfaCheck;
import io.gatekey.domain.mfa.MfaDevice;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Checks codes against devices and books the outcome. No more codes are judged than the lockout allows however
 * many arrive at once: each attempt is either reserved under the lockout before its code is judged, or made on a
 * device its transaction holds, whose lock and count are then exact. An accepted step is claimed through the
 * guard, so a code wins once even when two nodes check it at the same moment; every refusal is audited.
 */
final class MfaGate {

    private final UsedTimeStepGuard usedTimeSteps;
    private final MfaFailureCounter failures;
    private final LockoutPolicy lockout;
    private final Auditor auditor;
    private final Clock clock;
    private final TransactionRunner transactions;
    private final Telemetry telemetry;

    MfaGate(GatekeyPorts ports, GatekeySettings settings) {
        this.transactions = ports.transactions();
        this.telemetry = ports.telemetry();
        this.usedTimeSteps = ports.usedTimeSteps();
        this.failures = ports.mfaFailures();
        this.lockout = settings.lockout();
        this.auditor = new Auditor(ports);
        this.clock = ports.clock();
    }

    /** One code of an enabled device; an accepted step is claimed. */
    MfaCheck verify(Principal caller, MfaDevice device, String code) {
        Instant now = clock.instant();
        if (!device.isEnabled()) {
            return refusedUncounted(caller, device, MfaCheck.Reason.NOT_ENABLED);
        }
        return attempt(caller, device, now, true, () -> device.judge(code, now));
    }

    /**
     * One code of a device read with {@code MfaDeviceRepository.findForUpdate}: a device locked as read is refused
     * before its code is judged, and the outcome is booked in one write that applies only to the device as read
     * (the accepted step claimed, or the failure counted or the device locked), so the lock and count judged on
     * are exact.
     */
    MfaCheck verifyHeld(Principal caller, MfaDevice device, String code) {
        Instant now = clock.instant();
        if (!device.isEnabled()) {
            return refusedUncounted(caller, device, MfaCheck.Reason.NOT_ENABLED);
        }
        if (device.isLocked(now) || device.failedAttempts() >= lockout.maxFailures()) {
            return refusedUncounted(caller, device, MfaCheck.Reason.LOCKED);
        }
        MfaCheck outcome = device.judge(code, now);
        if (outcome instanceof MfaCheck.Accepted accepted
                && !usedTimeSteps.acceptHeld(device.serialNumber(), accepted.step(), device.failedAttempts(), now)) {
            outcome = new MfaCheck.Rejected(MfaCheck.Reason.REPLAYED);
        }
        if (outcome instanceof MfaCheck.Rejected rejected) {
            audit(caller, device, rejected.reason());
            if (rejected.reason().countsAsFailure()) {
                failures.countFailure(device.serialNumber(), device.failedAttempts(), now, lockout).ifPresent(until -> locked(caller, device, until));
            }
        }
        return outcome;
    }

    /** Two consecutive codes, for resync; the second code's step is claimed. */
    MfaCheck verifyConsecutive(Principal caller, MfaDevice device, String first, String second) {
        Instant now = clock.instant();
        return attempt(caller, device, now, true, () -> device.judgeConsecutive(first, second, now));
    }

    /** Two consecutive codes of a device being enabled; nothing is claimed, enabling records the step itself. */
    MfaCheck checkForEnabling(Principal caller, MfaDevice device, String first, String second) {
        Instant now = clock.instant();
        return attempt(caller, device, now, false, () -> device.judgeConsecutive(first, second, now));
    }

    private MfaCheck attempt(Principal caller, MfaDevice device, Instant now, boolean claim, Supplier<MfaCheck> judge) {
        // Reserved before judging: the reservation, not the device read earlier, says whether the device is locked.
        if (!failures.reserveAttempt(device.serialNumber(), now, lockout)) {
            return refusedUncounted(caller, device, MfaCheck.Reason.LOCKED);
        }
        MfaCheck outcome = judge.get();
        // The device was read before this check; another node may have accepted the same step since. Only the
        // guard's atomic compare-and-set decides who wins.
        if (claim && outcome instanceof MfaCheck.Accepted accepted && !usedTimeSteps.acceptIfLater(device.serialNumber(), accepted.step())) {
            outcome = new MfaCheck.Rejected(MfaCheck.Reason.REPLAYED);
        }
        if (outcome instanceof MfaCheck.Rejected rejected) {
            audit(caller, device, rejected.reason());
            if (rejected.reason().countsAsFailure()) {
                failures.settleFailure(device.serialNumber(), now, lockout).ifPresent(until -> locked(caller, device, until));
            } else {
                failures.releaseAttempt(device.serialNumber());
            }
        }
        return outcome;
    }

    private void locked(Principal caller, MfaDevice device, Instant until) {
        auditor.record(AuditEventType.MFA_DEVICE_LOCKED, device.accountId(), device.subAccountId(), caller, device.serialNumber(), "locked until " + until);
        transactions.afterCommit(telemetry::lockoutStarted);
    }

    private MfaCheck refusedUncounted(Principal caller, MfaDevice device, MfaCheck.Reason reason) {
        audit(caller, device, reason);
        return new MfaCheck.Rejected(reason);
    }

    private void audit(Principal caller, MfaDevice device, MfaCheck.Reason reason) {
        auditor.record(reason == MfaCheck.Reason.REPLAYED ? AuditEventType.MFA_CODE_REPLAYED : AuditEventType.MFA_CHECK_FAILED,
                device.accountId(), device.subAccountId(), caller, device.serialNumber(), reason.name());
    }
}
