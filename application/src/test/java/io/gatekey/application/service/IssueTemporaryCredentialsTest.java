package io.gatekey.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatekey.application.port.in.credential.IssueTemporaryCredentialsUseCase;
import io.gatekey.application.port.in.credential.IssueTemporaryCredentialsUseCase.Issued;
import io.gatekey.application.port.in.credential.IssueTemporaryCredentialsUseCase.MfaRejected;
import io.gatekey.application.port.in.mfa.UnlockMfaDeviceUseCase;
import io.gatekey.application.testing.World;
import io.gatekey.domain.access.Principal;
import io.gatekey.domain.accesskey.AccessKeyId;
import io.gatekey.domain.audit.AuditEventType;
import io.gatekey.domain.credential.DurationPolicy;
import io.gatekey.domain.credential.TemporaryCredential;
import io.gatekey.domain.mfa.MfaCheck;
import io.gatekey.domain.mfa.MfaDeviceType;
import io.gatekey.domain.mfa.Totp;
import io.gatekey.domain.shared.AccessDeniedException;
import io.gatekey.domain.shared.InvalidValueException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IssueTemporaryCredentialsTest {

    private final World world = new World();
    private final World.Tenant acme = world.acme;

    private static TemporaryCredential issued(IssueTemporaryCredentialsUseCase.Result result) {
        return assertInstanceOf(Issued.class, result).credential();
    }

    private static MfaCheck.Reason refusal(IssueTemporaryCredentialsUseCase.Result result) {
        return assertInstanceOf(MfaRejected.class, result).reason();
    }

    @Test
    void aValidCodeYieldsCredentialsWithMfaProvenance() {
        World.Device device = acme.enrolledDevice("phone");
        String code = device.code(1);

        TemporaryCredential credential = issued(acme.issueWithCode(device, code));

        assertTrue(credential.accessKeyId().isTemporary());
        assertEquals(acme.user.id(), credential.subAccountId());
        assertEquals(world.clock.instant(), credential.createdAt());
        assertEquals(world.clock.instant().plusSeconds(3600), credential.expiresAt());
        assertEquals(device.serial, credential.mfa().orElseThrow().serialNumber());
        assertEquals(Totp.stepAt(world.clock.instant(), 30) + 1, credential.mfa().orElseThrow().matchedStep());
        assertEquals(world.clock.instant(), credential.mfa().orElseThrow().verifiedAt());
        assertEquals(40, credential.secret().reveal().length());
        assertEquals(64, credential.sessionToken().reveal().length());
        assertEquals(1, world.audit(AuditEventType.CREDENTIALS_ISSUED).size());
    }

    @Test
    void withoutACodeCredentialsCarryNoMfa() {
        TemporaryCredential credential = issued(acme.issueAs(acme.userPrincipal, Optional.empty(), null));
        assertEquals(Optional.empty(), credential.mfa());
    }

    @Test
    void theSameCodeIsAcceptedOnce() {
        World.Device device = acme.enrolledDevice("phone");
        world.clock.advance(Duration.ofSeconds(30));
        String code = device.code(0);

        issued(acme.issueWithCode(device, code));
        assertEquals(MfaCheck.Reason.REPLAYED, refusal(acme.issueWithCode(device, code)));
        assertEquals(1, world.audit(AuditEventType.MFA_CODE_REPLAYED).size());
    }

    @Test
    void aCodeOfAnOlderStepThanTheLastAcceptedIsRefused() {
        World.Device device = acme.enrolledDevice("phone");
        world.clock.advance(Duration.ofSeconds(30));
        issued(acme.issueWithCode(device, device.code(1)));

        assertEquals(MfaCheck.Reason.REPLAYED, refusal(acme.issueWithCode(device, device.code(0))));
    }

    @Test
    void aWrongCodeIsRefusedAndAudited() {
        World.Device device = acme.enrolledDevice("phone");
        String wrong = device.code(5);

        assertEquals(MfaCheck.Reason.INVALID, refusal(acme.issueWithCode(device, wrong)));
        var failed = world.audit(AuditEventType.MFA_CHECK_FAILED);
        assertEquals(1, failed.size());
        assertEquals(device.serial.value(), failed.get(0).subject());
        assertEquals("INVALID", failed.get(0).detail());
    }

    @Test
    void aCodeWithASpaceIsRefusedEvenWhenItsDigitsAreRight() {
        World.Device device = acme.enrolledDevice("phone");
        String code = device.code(1);
        assertEquals(MfaCheck.Reason.MALFORMED, refusal(acme.issueWithCode(device, code.substring(0, 3) + " " + code.substring(3))));
        issued(acme.issueWithCode(device, code));
    }

    @Test
    void tenFailuresLockTheDeviceForFifteenMinutes() {
        World.Device device = acme.enrolledDevice("phone");
        world.clock.advance(Duration.ofSeconds(60));
        for (int i = 0; i < 10; i++) {
            assertEquals(MfaCheck.Reason.INVALID, refusal(acme.issueWithCode(device, device.code(5))));
        }
        assertEquals(1, world.audit(AuditEventType.MFA_DEVICE_LOCKED).size());

        // While locked, not even the right code is checked.
        assertEquals(MfaCheck.Reason.LOCKED, refusal(acme.issueWithCode(device, device.code(0))));
        world.clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        assertEquals(MfaCheck.Reason.LOCKED, refusal(acme.issueWithCode(device, device.code(0))));

        world.clock.advance(Duration.ofSeconds(1));
        issued(acme.issueWithCode(device, device.code(0)));
    }

    @Test
    void aSuccessResetsTheFailureCount() {
        World.Device device = acme.enrolledDevice("phone");
        world.clock.advance(Duration.ofSeconds(60));
        for (int i = 0; i < 9; i++) {
            refusal(acme.issueWithCode(device, device.code(5)));
        }
        issued(acme.issueWithCode(device, device.code(0)));
        for (int i = 0; i < 9; i++) {
            refusal(acme.issueWithCode(device, device.code(5)));
        }
        world.clock.advance(Duration.ofSeconds(30));
        issued(acme.issueWithCode(device, device.code(0)));
        assertEquals(0, world.audit(AuditEventType.MFA_DEVICE_LOCKED).size());
    }

    @Test
    void anOperatorCanUnlockALockedDevice() {
        World.Device device = acme.enrolledDevice("phone");
        world.clock.advance(Duration.ofSeconds(60));
        for (int i = 0; i < 10; i++) {
            refusal(acme.issueWithCode(device, device.code(5)));
        }
        world.useCases.unlockMfaDevice().unlock(new UnlockMfaDeviceUseCase.Command(world.operator, device.serial));
        issued(acme.issueWithCode(device, device.code(0)));
    }

    @Test
    void withoutASerialTheUsersSingleEnabledDeviceIsUsed() {
        World.Device device = acme.enrolledDevice("phone");
        TemporaryCredential credential = issued(acme.issueAs(acme.userPrincipal, Optional.empty(), device.code(1)));
        assertEquals(device.serial, credential.mfa().orElseThrow().serialNumber());
    }

    @Test
    void aCodeWithNoEnabledDeviceIsRefused() {
        World.Device pending = acme.createdDevice("phone");
        assertEquals(MfaCheck.Reason.NO_DEVICE, refusal(acme.issueAs(acme.userPrincipal, Optional.empty(), pending.code(0))));
        assertEquals(MfaCheck.Reason.NOT_ENABLED, refusal(acme.issueWithCode(pending, pending.code(0))));
    }

    @Test
    void anotherUsersDeviceCannotBeUsed() {
        World.Device malloryDevice = world.globex.enrolledDevice("token");
        assertEquals(MfaCheck.Reason.NO_DEVICE, refusal(acme.issueWithCode(malloryDevice, malloryDevice.code(1))));
    }

    @Test
    void aTemporaryCredentialCannotMintAnotherWithoutAFreshCode() {
        World.Device device = acme.enrolledDevice("phone");
        TemporaryCredential first = issued(acme.issueWithCode(device, device.code(1)));
        Principal temporary = new Principal.SubAccountUser(acme.accountId, acme.user.id(), first.accessKeyId(), first.mfa());

        assertThrows(AccessDeniedException.class, () -> acme.issueAs(temporary, Optional.empty(), null));
        world.clock.advance(Duration.ofSeconds(60));
        TemporaryCredential second = issued(acme.issueAs(temporary, Optional.of(device.serial), device.code(0)));
        assertFalse(second.accessKeyId().equals(first.accessKeyId()));
    }

    @Test
    void adminsAndOtherAccountsGetNoCredentialsForAUser() {
        assertThrows(AccessDeniedException.class, () -> acme.issueAs(acme.admin, Optional.empty(), null));
        assertThrows(io.gatekey.domain.shared.GatekeyException.class, () -> world.useCases.issueTemporaryCredentials().issue(
                IssueTemporaryCredentialsUseCase.Command.of(world.globex.userPrincipal, Optional.of(acme.user.id()), DurationPolicy.NCP, null, Optional.empty())));
    }

    @Test
    void theLifetimeFollowsTheDoorsPolicy() {
        TemporaryCredential credential = issued(world.useCases.issueTemporaryCredentials().issue(
                IssueTemporaryCredentialsUseCase.Command.of(acme.userPrincipal, Optional.empty(), DurationPolicy.TENCENT, 7200L, Optional.empty())));
        assertEquals(Duration.ofSeconds(7200), Duration.between(credential.createdAt(), credential.expiresAt()));
        assertThrows(InvalidValueException.class, () -> IssueTemporaryCredentialsUseCase.Command.of(
                acme.userPrincipal, Optional.empty(), DurationPolicy.TENCENT, 7201L, Optional.empty()));
    }

    @Test
    void anInactiveUserGetsNoCredentials() {
        world.useCases.deactivateSubAccount().deactivate(
                new io.gatekey.application.port.in.account.DeactivateSubAccountUseCase.Command(acme.admin, acme.user.id()));
        assertThrows(AccessDeniedException.class, () -> acme.issueAs(acme.userPrincipal, Optional.empty(), null));
    }

    @Test
    void anEmptyCodeIsAnInvalidValue() {
        assertThrows(InvalidValueException.class, () -> new IssueTemporaryCredentialsUseCase.MfaPresentation(
                Optional.empty(), MfaDeviceType.VIRTUAL, ""));
        assertTrue(new AccessKeyId("GKSTABCD").isTemporary());
    }
}
