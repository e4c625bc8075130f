package io.gatekey.domain.mfa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.SubAccountId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MfaDeviceTest {

    private static final TotpSeed SEED = TotpSeed.fromBase32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:10Z");
    private static final long STEP = Totp.stepAt(NOW, 30);

    private final MfaDevice pending = MfaDevice.create(new AccountId("acct"), new SubAccountId("user"),
            new MfaDeviceName("phone"), MfaDeviceType.VIRTUAL, SEED, TotpParameters.DEFAULT, NOW.minusSeconds(60));

    private static String code(long step) {
        return Totp.code(SEED, TotpParameters.DEFAULT, step);
    }

    private MfaDevice enabledAt(long lastStep) {
        return pending.enabled(new MfaCheck.Accepted(lastStep, 0), NOW);
    }

    @Test
    void aPendingDeviceChecksNoCode() {
        assertEquals(new MfaCheck.Rejected(MfaCheck.Reason.NOT_ENABLED), pending.check(code(STEP), NOW));
    }

    @Test
    void codesOfTheCurrentAndAdjacentStepsAreAccepted() {
        MfaDevice device = enabledAt(STEP - 5);
        assertEquals(new MfaCheck.Accepted(STEP - 1, -1), device.check(code(STEP - 1), NOW));
        assertEquals(new MfaCheck.Accepted(STEP, 0), device.check(code(STEP), NOW));
        assertEquals(new MfaCheck.Accepted(STEP + 1, 1), device.check(code(STEP + 1), NOW));
    }

    @Test
    void codesTwoStepsAwayAreInvalid() {
        MfaDevice device = enabledAt(STEP - 5);
        assertEquals(new MfaCheck.Rejected(MfaCheck.Reason.INVALID), device.check(code(STEP - 2), NOW));
        assertEquals(new MfaCheck.Rejected(MfaCheck.Reason.INVALID), device.check(code(STEP + 2), NOW));
    }

    @Test
    void theLastAcceptedStepAndOlderOnesAreReplays() {
        MfaDevice device = enabledAt(STEP);
        assertEquals(new MfaCheck.Rejected(MfaCheck.Reason.REPLAYED), device.check(code(STEP), NOW));
        assertEquals(new MfaCheck.Rejected(MfaCheck.Reason.REPLAYED), device.check(code(STEP - 1), NOW));
        assertEquals(new MfaCheck.Accepted(STEP + 1, 1), device.check(code(STEP + 1), NOW));
    }

    @Test
    void aCodeWithASpaceIsMalformedNotTrimmed() {
        MfaDevice device = enabledAt(STEP - 5);
        String valid = code(STEP);
        assertEquals(new MfaCheck.Rejected(MfaCheck.Reason.MALFORMED), device.check(valid + " ", NOW));
        assertEquals(new MfaCheck.Rejected(MfaCheck.Reason.MALFORMED), device.check(valid.substring(0, 3) + " " + valid.substring(3), NOW));
    }

    @Test
    void recordedDriftMovesTheWindow() {
        MfaDevice drifted = enabledAt(STEP - 20).withDrift(4);
        assertEquals(new MfaCheck.Accepted(STEP + 4, 4), drifted.check(code(STEP + 4), NOW));
        assertEquals(new MfaCheck.Rejected(MfaCheck.Reason.INVALID), drifted.check(code(STEP), NOW));
    }

    @Test
    void consecutiveCodesAreFoundAcrossTheResyncWindow() {
        assertEquals(new MfaCheck.Accepted(STEP - 9, -9), pending.checkConsecutive(code(STEP - 10), code(STEP - 9), NOW));
        assertEquals(new MfaCheck.Accepted(STEP + 10, 10), pending.checkConsecutive(code(STEP + 9), code(STEP + 10), NOW));
    }

    @Test
    void nonConsecutiveCodesAreRefused() {
        assertEquals(new MfaCheck.Rejected(MfaCheck.Reason.NOT_CONSECUTIVE), pending.checkConsecutive(code(STEP - 1), code(STEP + 1), NOW));
        assertEquals(new MfaCheck.Rejected(MfaCheck.Reason.NOT_CONSECUTIVE), pending.checkConsecutive(code(STEP), code(STEP - 1), NOW));
        assertEquals(new MfaCheck.Rejected(MfaCheck.Reason.INVALID), pending.checkConsecutive(code(STEP + 11), code(STEP + 12), NOW));
    }

    @Test
    void consecutiveCodesAtOrBeforeTheLastAcceptedStepAreReplays() {
        MfaDevice device = enabledAt(STEP);
        assertEquals(new MfaCheck.Rejected(MfaCheck.Reason.REPLAYED), device.checkConsecutive(code(STEP), code(STEP + 1), NOW));
        assertEquals(new MfaCheck.Accepted(STEP + 2, 2), device.checkConsecutive(code(STEP + 1), code(STEP + 2), NOW));
    }

    @Test
    void enablingRecordsTheStepAndABoundedDrift() {
        MfaDevice enabled = pending.enabled(new MfaCheck.Accepted(STEP + 7, 7), NOW);
        assertTrue(enabled.isEnabled());
        assertEquals(STEP + 7, enabled.lastAcceptedStep());
        assertEquals(7, enabled.driftSteps());
        assertEquals(MfaDevice.MAX_DRIFT, MfaDevice.driftOf(new MfaCheck.Accepted(STEP + 40, 40)));
    }

    @Test
    void tenFailuresLockForFifteenMinutesAndTheCountStartsAgain() {
        LockoutPolicy policy = LockoutPolicy.DEFAULT;
        MfaDevice device = enabledAt(STEP - 5);
        for (int i = 0; i < 9; i++) {
            device = device.afterFailure(NOW, policy);
        }
        assertEquals(9, device.failedAttempts());
        assertFalse(device.isLocked(NOW));
        device = device.afterFailure(NOW, policy);
        assertEquals(0, device.failedAttempts());
        assertTrue(device.isLocked(NOW));
        assertEquals(new MfaCheck.Rejected(MfaCheck.Reason.LOCKED), device.check(code(STEP), NOW));
        Instant justBeforeRelease = NOW.plus(Duration.ofMinutes(15)).minusMillis(1);
        assertTrue(device.isLocked(justBeforeRelease));
        assertFalse(device.isLocked(NOW.plus(Duration.ofMinutes(15))));
    }

    @Test
    void aSuccessClearsTheFailureCount() {
        MfaDevice device = enabledAt(STEP - 5).afterFailure(NOW, LockoutPolicy.DEFAULT).afterFailure(NOW, LockoutPolicy.DEFAULT);
        assertEquals(2, device.failedAttempts());
        MfaDevice after = device.afterAccepted(STEP);
        assertEquals(0, after.failedAttempts());
        assertEquals(STEP, after.lastAcceptedStep());
    }
}
