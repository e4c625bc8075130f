package io.gatekey.application.service;

import io.gatekey.application.port.out.MfaFailureCounter;
import io.gatekey.application.port.out.UsedTimeStepGuard;
import io.gatekey.domain.access.Principal;
import io.gatekey.domain.audit.AuditEventType;
import io.gatekey.domain.mfa.LockoutPolicy;
import io.gatekey.domain.mfa.MfaCheck;
import io.gatekey.domain.mfa.MfaDevice;
import java.time.Clock;
import java.time.Instant;

/**
 * Checks codes against devices and books the outcome: an accepted step is claimed through the guard, so a
 * code wins once even when two nodes check it at the same moment; failures count towards the lockout; every
 * refusal is audited.
 */
final class MfaGate {

    private final UsedTimeStepGuard usedTimeSteps;
    private final MfaFailureCounter failures;
    private final LockoutPolicy lockout;
    private final Auditor auditor;
    private final Clock clock;

    MfaGate(GatekeyPorts ports, GatekeySettings settings) {
        this.usedTimeSteps = ports.usedTimeSteps();
        this.failures = ports.mfaFailures();
        this.lockout = settings.lockout();
        this.auditor = new Auditor(ports.auditLog(), ports.clock());
        this.clock = ports.clock();
    }

    /** One code of an enabled device. */
    MfaCheck verify(Principal caller, MfaDevice device, String code) {
        Instant now = clock.instant();
        return claim(caller, device, device.check(code, now), now);
    }

    /** Two consecutive codes, for resync; the second code's step is claimed. */
    MfaCheck verifyConsecutive(Principal caller, MfaDevice device, String first, String second) {
        Instant now = clock.instant();
        return claim(caller, device, device.checkConsecutive(first, second, now), now);
    }

    /** Books a refusal: audited always, counted towards the lockout when it is a wrong or reused code. */
    void refused(Principal caller, MfaDevice device, MfaCheck.Reason reason, Instant now) {
        auditor.record(reason == MfaCheck.Reason.REPLAYED ? AuditEventType.MFA_CODE_REPLAYED : AuditEventType.MFA_CHECK_FAILED,
                device.accountId(), device.subAccountId(), caller, device.serialNumber(), reason.name());
        if (reason.countsAsFailure()) {
            MfaFailureCounter.Tally tally = failures.recordFailure(device.serialNumber(), now, lockout);
            if (tally.lockStarted()) {
                auditor.record(AuditEventType.MFA_DEVICE_LOCKED, device.accountId(), device.subAccountId(), caller, device.serialNumber(),
                        "locked until " + tally.lockedUntil().orElseThrow());
            }
        }
    }

    private MfaCheck claim(Principal caller, MfaDevice device, MfaCheck check, Instant now) {
        MfaCheck outcome = check;
        // The device was read before this check; another node may have accepted the same step since. Only the
        // guard's atomic compare-and-set decides who wins.
        if (check instanceof MfaCheck.Accepted accepted && !usedTimeSteps.acceptIfLater(device.serialNumber(), accepted.step())) {
            outcome = new MfaCheck.Rejected(MfaCheck.Reason.REPLAYED);
        }
        if (outcome instanceof MfaCheck.Rejected rejected) {
            refused(caller, device, rejected.reason(), now);
        }
        return outcome;
    }
}
