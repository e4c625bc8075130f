package io.gatekey.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatekey.application.port.in.accesskey.ActivateAccessKeyUseCase;
import io.gatekey.application.port.in.accesskey.DeactivateAccessKeyUseCase;
import io.gatekey.application.port.in.accesskey.DeleteAccessKeyUseCase;
import io.gatekey.application.port.in.account.ActivateSubAccountUseCase;
import io.gatekey.application.port.in.account.DeactivateSubAccountUseCase;
import io.gatekey.application.port.in.credential.IssueTemporaryCredentialsUseCase;
import io.gatekey.application.port.in.credential.RevokeTemporaryCredentialsUseCase;
import io.gatekey.application.port.in.mfa.DeleteMfaDeviceUseCase;
import io.gatekey.application.port.in.mfa.DisableMfaDeviceUseCase;
import io.gatekey.application.testing.World;
import io.gatekey.domain.access.Principal;
import io.gatekey.domain.accesskey.AccessKeyId;
import io.gatekey.domain.accesskey.SecretKey;
import io.gatekey.domain.audit.AuditEvent;
import io.gatekey.domain.audit.AuditEventType;
import io.gatekey.domain.credential.DurationPolicy;
import io.gatekey.domain.credential.TemporaryCredential;
import io.gatekey.domain.mfa.LockoutPolicy;
import io.gatekey.domain.mfa.MfaCheck;
import io.gatekey.domain.mfa.MfaDeviceStatus;
import io.gatekey.domain.mfa.MfaDeviceType;
import io.gatekey.domain.shared.AccessDeniedException;
import io.gatekey.domain.signature.Authentication;
import io.gatekey.domain.signature.ClockSkewPolicy;
import io.gatekey.domain.signature.SessionTokenRule;
import io.gatekey.domain.signature.SignatureAlgorithm;
import io.gatekey.domain.signature.SignedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The rules that keep one stolen factor from being enough, at the use cases. */
class SecurityRulesTest {

    private final World world = new World();
    private final World.Tenant acme = world.acme;

    private Authentication authenticate(AccessKeyId id, SecretKey secret) {
        String message = "GET /api/v1/credentials\n" + world.clock.millis() + "\n" + id;
        byte[] signature = SignatureAlgorithm.HMAC_SHA256.sign(secret.bytes(), message);
        return world.useCases.authenticateRequest().authenticate(new SignedRequest(id, world.clock.instant(), message,
                SignatureAlgorithm.HMAC_SHA256, signature, Optional.empty(), SessionTokenRule.NOT_SENT, ClockSkewPolicy.NCP));
    }

    private TemporaryCredential issued(IssueTemporaryCredentialsUseCase.Result result) {
        return assertInstanceOf(IssueTemporaryCredentialsUseCase.Issued.class, result).credential();
    }

    private Principal.SubAccountUser principalOf(TemporaryCredential credential) {
        return (Principal.SubAccountUser) assertInstanceOf(Authentication.Authenticated.class,
                authenticate(credential.accessKeyId(), credential.secret())).principal();
    }

    @Test
    void theLongTermKeyAloneCannotRemoveOrReplaceAnEnabledDevice() {
        World.Device phone = acme.enrolledDevice("phone");
        Principal stolenKey = acme.userPrincipal;

        assertThrows(AccessDeniedException.class, () -> world.useCases.disableMfaDevice().disable(
                new DisableMfaDeviceUseCase.Command(stolenKey, acme.user.id(), phone.serial)));
        TemporaryCredential withoutMfa = issued(acme.issueAs(stolenKey, Optional.empty(), null));
        assertThrows(AccessDeniedException.class, () -> world.useCases.disableMfaDevice().disable(
                new DisableMfaDeviceUseCase.Command(principalOf(withoutMfa), acme.user.id(), phone.serial)), "credentials without MFA prove nothing");
        assertEquals(MfaDeviceStatus.ENABLED, world.ports.mfaDevices().find(phone.serial).orElseThrow().status());

        TemporaryCredential withMfa = issued(acme.issueWithCode(phone, phone.code(1)));
        world.clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThrows(AccessDeniedException.class, () -> world.useCases.disableMfaDevice().disable(
                new DisableMfaDeviceUseCase.Command(principalOf(withMfa), acme.user.id(), phone.serial)), "the check is too old");

        TemporaryCredential fresh = issued(acme.issueWithCode(phone, phone.code(0)));
        world.useCases.disableMfaDevice().disable(new DisableMfaDeviceUseCase.Command(principalOf(fresh), acme.user.id(), phone.serial));
        AuditEvent disabled = world.audit(AuditEventType.MFA_DEVICE_DISABLED).get(0);
        assertEquals("mfa proof " + phone.serial, disabled.detail());
    }

    @Test
    void theAdminCanAlwaysRecoverAUsersDeviceAndItIsAudited() {
        World.Device phone = acme.enrolledDevice("phone");
        world.useCases.disableMfaDevice().disable(new DisableMfaDeviceUseCase.Command(acme.admin, acme.user.id(), phone.serial));
        world.useCases.deleteMfaDevice().delete(new DeleteMfaDeviceUseCase.Command(acme.admin, acme.user.id(), phone.serial));
        assertEquals("by the account's admin", world.audit(AuditEventType.MFA_DEVICE_DISABLED).get(0).detail());
        assertEquals("by the account's admin", world.audit(AuditEventType.MFA_DEVICE_DELETED).get(0).detail());
        World.Device replacement = acme.enrolledDevice("new-phone");
        assertEquals(MfaDeviceStatus.ENABLED, world.ports.mfaDevices().find(replacement.serial).orElseThrow().status());
    }

    @Test
    void aSecondDeviceIsEnrolledOnlyWithProofOfTheFirst() {
        World.Device phone = acme.enrolledDevice("phone");
        world.useCases.disableMfaDevice().disable(new DisableMfaDeviceUseCase.Command(acme.withMfa(phone, 1), acme.user.id(), phone.serial));
        // With no enabled device left, the user enrols again with the long-term key alone.
        world.useCases.deleteMfaDevice().delete(new DeleteMfaDeviceUseCase.Command(acme.userPrincipal, acme.user.id(), phone.serial));
        World.Device next = acme.enrolledDevice("next");
        assertThrows(AccessDeniedException.class, () -> world.useCases.disableMfaDevice().disable(
                new DisableMfaDeviceUseCase.Command(acme.userPrincipal, acme.user.id(), next.serial)));
    }

    @Test
    void concurrentWrongCodesJudgeNoMoreThanTheLockoutAllows() throws Exception {
        World.Device phone = acme.enrolledDevice("phone");
        int racers = 40;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<IssueTemporaryCredentialsUseCase.Result>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return acme.issueWithCode(phone, "000000".equals(phone.code(0)) ? "111111" : "000000");
                }));
            }
            start.countDown();
            for (Future<IssueTemporaryCredentialsUseCase.Result> result : results) {
                assertInstanceOf(IssueTemporaryCredentialsUseCase.MfaRejected.class, result.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        List<AuditEvent> failed = world.audit(AuditEventType.MFA_CHECK_FAILED);
        assertEquals(LockoutPolicy.DEFAULT.maxFailures(), failed.stream().filter(e -> e.detail().equals("INVALID")).count());
        assertEquals(racers - LockoutPolicy.DEFAULT.maxFailures(), failed.stream().filter(e -> e.detail().equals("LOCKED")).count());
        assertEquals(1, world.audit(AuditEventType.MFA_DEVICE_LOCKED).size());
        assertEquals(MfaCheck.Reason.LOCKED, assertInstanceOf(IssueTemporaryCredentialsUseCase.MfaRejected.class,
                acme.issueWithCode(phone, phone.code(0))).reason(), "even the right code waits for the lock to end");
    }

    @Test
    void credentialsDieWithTheKeyTheyWereMintedFromAndStayDead() {
        TemporaryCredential minted = issued(acme.issueAs(acme.userPrincipal, Optional.empty(), null));
        assertEquals(Optional.of(acme.userKey.id()), minted.origin().orElseThrow().rootKey());
        world.useCases.deactivateAccessKey().deactivate(new DeactivateAccessKeyUseCase.Command(acme.admin, acme.userKey.id()));
        assertEquals(new Authentication.Refused(Authentication.Reason.REVOKED), authenticate(minted.accessKeyId(), minted.secret()));
        world.useCases.activateAccessKey().activate(new ActivateAccessKeyUseCase.Command(acme.admin, acme.userKey.id()));
        assertEquals(new Authentication.Refused(Authentication.Reason.REVOKED), authenticate(minted.accessKeyId(), minted.secret()),
                "reactivating the key does not bring its credentials back");

        TemporaryCredential beforeDelete = issued(acme.issueAs(acme.userPrincipal, Optional.empty(), null));
        world.useCases.deleteAccessKey().delete(new DeleteAccessKeyUseCase.Command(acme.admin, acme.userKey.id()));
        assertEquals(new Authentication.Refused(Authentication.Reason.REVOKED), authenticate(beforeDelete.accessKeyId(), beforeDelete.secret()));
    }

    @Test
    void aChainDiesWithItsParentAndDeactivatingAUserRevokesForGood() {
        World.Device phone = acme.enrolledDevice("phone");
        TemporaryCredential parent = issued(acme.issueWithCode(phone, phone.code(1)));
        world.clock.advance(Duration.ofSeconds(30));
        TemporaryCredential child = issued(acme.issueAs(principalOf(parent), Optional.of(phone.serial), phone.code(1)));
        world.clock.advance(Duration.ofSeconds(30));
        TemporaryCredential grandchild = issued(acme.issueAs(principalOf(child), Optional.of(phone.serial), phone.code(1)));
        assertEquals(parent.accessKeyId(), child.origin().orElseThrow().mintedBy());
        assertEquals(Optional.of(acme.userKey.id()), grandchild.origin().orElseThrow().rootKey());

        int revoked = world.useCases.revokeTemporaryCredentials().revoke(new RevokeTemporaryCredentialsUseCase.Command(acme.admin,
                new RevokeTemporaryCredentialsUseCase.One(parent.accessKeyId())));
        assertEquals(3, revoked);
        assertEquals(new Authentication.Refused(Authentication.Reason.REVOKED), authenticate(grandchild.accessKeyId(), grandchild.secret()));

        TemporaryCredential later = issued(acme.issueAs(acme.userPrincipal, Optional.empty(), null));
        world.useCases.deactivateSubAccount().deactivate(new DeactivateSubAccountUseCase.Command(acme.admin, acme.user.id()));
        world.useCases.activateSubAccount().activate(new ActivateSubAccountUseCase.Command(acme.admin, acme.user.id()));
        assertEquals(new Authentication.Refused(Authentication.Reason.REVOKED), authenticate(later.accessKeyId(), later.secret()));
        assertInstanceOf(Authentication.Authenticated.class, authenticate(acme.userKey.id(), acme.userKey.secret()));
    }

    @Test
    void aCredentialHandedOutWithItsTokenIsRefusedWithoutIt() {
        World.Device phone = acme.enrolledDevice("phone");
        TemporaryCredential tencentStyle = issued(world.useCases.issueTemporaryCredentials().issue(IssueTemporaryCredentialsUseCase.Command.of(
                acme.userPrincipal, Optional.empty(), DurationPolicy.TENCENT, null,
                Optional.of(new IssueTemporaryCredentialsUseCase.MfaPresentation(Optional.empty(), MfaDeviceType.VIRTUAL, phone.code(1))))));
        assertTrue(tencentStyle.tokenBound());
        assertEquals(new Authentication.Refused(Authentication.Reason.BAD_SESSION_TOKEN), authenticate(tencentStyle.accessKeyId(), tencentStyle.secret()));
    }

    @Test
    void aRefreshNeverPutsBackAnOlderCopy() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(Duration.ofSeconds(4), world.clock, io.gatekey.application.port.out.Telemetry.NONE);
        String read = cache.get("k", k -> "active");
        world.clock.advance(Duration.ofSeconds(4));
        assertEquals("inactive", cache.get("k", k -> "inactive"), "reloaded after expiry");
        cache.refresh("k", read, "active, used now");
        assertEquals("inactive", cache.get("k", k -> "never loaded"));
    }
}
