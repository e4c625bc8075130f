package io.gatekey.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatekey.application.port.in.accesskey.CreateAccessKeyUseCase;
import io.gatekey.application.port.in.account.SetLoginAliasUseCase;
import io.gatekey.application.port.in.account.SetSubAccountPasswordUseCase;
import io.gatekey.application.port.in.account.UpdateSubAccountUseCase;
import io.gatekey.application.port.in.console.ChangeConsolePasswordUseCase;
import io.gatekey.application.port.in.console.ConfirmConsoleCodeUseCase;
import io.gatekey.application.port.in.console.ConsoleStep;
import io.gatekey.application.port.in.console.EnrolConsoleDeviceUseCase;
import io.gatekey.application.port.in.console.SignInToConsoleUseCase;
import io.gatekey.application.port.in.credential.IssueTemporaryCredentialsUseCase;
import io.gatekey.application.testing.World;
import io.gatekey.domain.accesskey.KeyOwner;
import io.gatekey.domain.account.ConsolePassword;
import io.gatekey.domain.account.IpRange;
import io.gatekey.domain.account.LoginAlias;
import io.gatekey.domain.account.SubAccountProfile;
import io.gatekey.domain.audit.AuditEventType;
import io.gatekey.domain.console.ConsoleSession;
import io.gatekey.domain.console.SignInStage;
import io.gatekey.domain.credential.DurationPolicy;
import io.gatekey.domain.mfa.MfaCheck;
import io.gatekey.domain.mfa.MfaDeviceType;
import io.gatekey.domain.mfa.TotpSeed;
import io.gatekey.domain.shared.AccessDeniedException;
import io.gatekey.domain.shared.InvalidValueException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConsoleSignInTest {

    private static final String PASSWORD = "Corr3ct-Horse!";

    private final World world = new World();
    private final World.Tenant acme = world.acme;

    ConsoleSignInTest() {
        world.useCases.setLoginAlias().setLoginAlias(new SetLoginAliasUseCase.Command(acme.admin, acme.accountId, new LoginAlias("acme")));
        console(false, false, List.of());
    }

    private void console(boolean mfaMandatory, boolean needReset, List<IpRange> permitted) {
        SubAccountProfile p = acme.user.profile();
        world.useCases.updateSubAccount().update(new UpdateSubAccountUseCase.Command(acme.admin, acme.user.id(), new SubAccountProfile(p.name(),
                p.email(), p.memo(), p.canApiGatewayAccess(), p.useApiAllowSource(), p.apiAllowSources(), true, mfaMandatory, needReset,
                !permitted.isEmpty(), permitted), Optional.empty()));
        world.useCases.setSubAccountPassword().setPassword(new SetSubAccountPasswordUseCase.Command(acme.admin, acme.user.id(),
                ConsolePassword.of(PASSWORD), needReset));
    }

    private SignInToConsoleUseCase.Result signIn(String alias, String loginId, String password) {
        return world.useCases.signInToConsole().signIn(new SignInToConsoleUseCase.Command(alias, loginId, password,
                Optional.of(InetAddress.getLoopbackAddress())));
    }

    private ConsoleSession begun(SignInToConsoleUseCase.Result result) {
        return assertInstanceOf(SignInToConsoleUseCase.Begun.class, result).session();
    }

    @Test
    void everyRefusalIsTheSame() {
        assertInstanceOf(SignInToConsoleUseCase.Refused.class, signIn("nosuch", "alice", PASSWORD));
        assertInstanceOf(SignInToConsoleUseCase.Refused.class, signIn("acme", "nobody", PASSWORD));
        assertInstanceOf(SignInToConsoleUseCase.Refused.class, signIn("acme", "alice", "Wr0ng-Horse!"));
        assertInstanceOf(SignInToConsoleUseCase.Refused.class, signIn("ACME!", "", ""));
        console(false, false, List.of(IpRange.parse("consolePermitIps", "203.0.113.0/24")));
        assertInstanceOf(SignInToConsoleUseCase.Refused.class, signIn("acme", "alice", PASSWORD));
        assertEquals(1, world.audit(AuditEventType.CONSOLE_SIGN_IN_FAILED).stream().filter(e -> e.detail().startsWith("address not permitted")).count());
        assertEquals(1, world.audit(AuditEventType.CONSOLE_SIGN_IN_FAILED).stream().filter(e -> e.detail().equals("wrong password")).count());
    }

    @Test
    void aPasswordAloneSignsInAUserWithoutDevice() {
        ConsoleSession session = begun(signIn("acme", "alice", PASSWORD));
        assertEquals(SignInStage.SIGNED_IN, session.stage());
        assertEquals(1, world.audit(AuditEventType.CONSOLE_SIGNED_IN).size());
        assertEquals(Optional.of(world.clock.instant()), world.ports.subAccounts().find(acme.user.id()).orElseThrow().lastLoginAt());
    }

    @Test
    void aUserWithADeviceGivesACodeAndTheSessionGetsANewToken() {
        World.Device device = acme.enrolledDevice("phone");
        world.clock.advance(Duration.ofSeconds(60));
        var begun = assertInstanceOf(SignInToConsoleUseCase.Begun.class, signIn("acme", "alice", PASSWORD));
        assertEquals(SignInStage.CODE, begun.session().stage());
        ConsoleStep.Outcome wrong = world.useCases.confirmConsoleCode().confirm(new ConfirmConsoleCodeUseCase.Command(begun.session(), Optional.empty(), "000000"));
        assertEquals(MfaCheck.Reason.INVALID, assertInstanceOf(ConsoleStep.Refused.class, wrong).reason());
        var passed = assertInstanceOf(ConsoleStep.Advanced.class, world.useCases.confirmConsoleCode().confirm(
                new ConfirmConsoleCodeUseCase.Command(begun.session(), Optional.empty(), device.code(0))));
        assertEquals(SignInStage.SIGNED_IN, passed.session().stage());
        assertNotEquals(begun.token().key(), passed.token().key());
        assertTrue(world.useCases.resumeConsoleSession().resume(begun.token()).isEmpty(), "the pre-code token no longer works");
        assertTrue(world.useCases.resumeConsoleSession().resume(passed.token()).isPresent());
        // The code is spent: the API doors refuse it too.
        assertEquals(MfaCheck.Reason.REPLAYED, assertInstanceOf(IssueTemporaryCredentialsUseCase.MfaRejected.class,
                acme.issueWithCode(device, device.code(0))).reason());
    }

    @Test
    void failedPasswordsLockTheSignIn() {
        for (int i = 0; i < 10; i++) {
            assertInstanceOf(SignInToConsoleUseCase.Refused.class, signIn("acme", "alice", "Wr0ng-Horse!"));
        }
        assertInstanceOf(SignInToConsoleUseCase.Refused.class, signIn("acme", "alice", PASSWORD));
        assertEquals(2, world.audit(AuditEventType.CONSOLE_SIGN_IN_LOCKED).size());
        world.clock.advance(Duration.ofMinutes(15));
        begun(signIn("acme", "alice", PASSWORD));
    }

    @Test
    void aDuePasswordChangeComesAfterTheCodeAndEndsOtherSessions() {
        World.Device device = acme.enrolledDevice("phone");
        ConsoleSession other = begun(signIn("acme", "alice", PASSWORD));
        console(false, true, List.of());
        world.clock.advance(Duration.ofSeconds(60));
        ConsoleSession session = begun(signIn("acme", "alice", PASSWORD));
        assertEquals(SignInStage.CODE, session.stage());
        var coded = assertInstanceOf(ConsoleStep.Advanced.class, world.useCases.confirmConsoleCode().confirm(
                new ConfirmConsoleCodeUseCase.Command(session, Optional.empty(), device.code(0))));
        assertEquals(SignInStage.NEW_PASSWORD, coded.session().stage());
        assertThrows(InvalidValueException.class, () -> world.useCases.changeConsolePassword().change(
                new ChangeConsolePasswordUseCase.Command(coded.session(), ConsolePassword.of(PASSWORD))));
        ConsoleStep.Advanced changed = world.useCases.changeConsolePassword().change(
                new ChangeConsolePasswordUseCase.Command(coded.session(), ConsolePassword.of("N3w-Battery!")));
        assertEquals(SignInStage.SIGNED_IN, changed.session().stage());
        assertTrue(world.ports.consoleSessions().find(other.key()).isEmpty());
        assertInstanceOf(SignInToConsoleUseCase.Refused.class, signIn("acme", "alice", PASSWORD));
    }

    @Test
    void mandatoryMfaEnrolsAFirstDeviceBeforeTheConsoleOpens() {
        console(true, false, List.of());
        ConsoleSession session = begun(signIn("acme", "alice", PASSWORD));
        assertEquals(SignInStage.ENROL, session.stage());
        var first = world.useCases.enrolConsoleDevice().begin(session);
        var second = world.useCases.enrolConsoleDevice().begin(session);
        assertNotEquals(first.base32Seed(), second.base32Seed());
        assertEquals(1, world.ports.mfaDevices().listBySubAccount(acme.user.id()).size());
        TotpSeed seed = TotpSeed.fromBase32(second.base32Seed());
        String previous = io.gatekey.domain.mfa.Totp.code(seed, second.device().parameters(), io.gatekey.domain.mfa.Totp.stepAt(world.clock.instant(), 30) - 1);
        String current = io.gatekey.domain.mfa.Totp.code(seed, second.device().parameters(), io.gatekey.domain.mfa.Totp.stepAt(world.clock.instant(), 30));
        var done = assertInstanceOf(ConsoleStep.Advanced.class, world.useCases.enrolConsoleDevice().finish(
                new EnrolConsoleDeviceUseCase.Finish(session, second.device().serialNumber(), previous, current)));
        assertEquals(SignInStage.SIGNED_IN, done.session().stage());
        assertTrue(done.session().mfa().isPresent());
    }

    @Test
    void sessionsEndAtTheIdleAndAbsoluteTimeouts() {
        var begun = assertInstanceOf(SignInToConsoleUseCase.Begun.class, signIn("acme", "alice", PASSWORD));
        for (int i = 0; i < 34; i++) {
            world.clock.advance(Duration.ofMinutes(14));
            assertTrue(world.useCases.resumeConsoleSession().resume(begun.token()).isPresent(), "used within the idle time, at " + i);
        }
        world.clock.advance(Duration.ofMinutes(14));
        assertFalse(world.useCases.resumeConsoleSession().resume(begun.token()).isPresent(), "past 8 hours");
        var idle = assertInstanceOf(SignInToConsoleUseCase.Begun.class, signIn("acme", "alice", PASSWORD));
        world.clock.advance(Duration.ofMinutes(15));
        assertFalse(world.useCases.resumeConsoleSession().resume(idle.token()).isPresent(), "15 minutes idle");
    }

    @Test
    void theConsoleUserManagesItsOwnKeysAndCredentialsButNotOthers() {
        World.Device device = acme.enrolledDevice("phone");
        world.clock.advance(Duration.ofSeconds(60));
        ConsoleSession session = begun(signIn("acme", "alice", PASSWORD));
        var signedIn = assertInstanceOf(ConsoleStep.Advanced.class, world.useCases.confirmConsoleCode().confirm(
                new ConfirmConsoleCodeUseCase.Command(session, Optional.empty(), device.code(0)))).session();
        var me = signedIn.principal();
        var key = world.useCases.createAccessKey().create(new CreateAccessKeyUseCase.Command(me, KeyOwner.subAccount(acme.accountId, acme.user.id())));
        assertEquals(Optional.of(acme.user.id()), key.owner().subAccountId());
        assertThrows(AccessDeniedException.class, () -> world.useCases.createAccessKey().create(
                new CreateAccessKeyUseCase.Command(me, KeyOwner.admin(acme.accountId))));
        // A key signature alone may not plant another long-term key.
        assertThrows(AccessDeniedException.class, () -> world.useCases.createAccessKey().create(
                new CreateAccessKeyUseCase.Command(acme.userPrincipal, KeyOwner.subAccount(acme.accountId, acme.user.id()))));
        assertThrows(AccessDeniedException.class, () -> world.useCases.issueTemporaryCredentials().issue(
                IssueTemporaryCredentialsUseCase.Command.of(me, Optional.empty(), DurationPolicy.NCP, null, Optional.empty())));
        world.clock.advance(Duration.ofSeconds(30));
        var issued = assertInstanceOf(IssueTemporaryCredentialsUseCase.Issued.class, world.useCases.issueTemporaryCredentials().issue(
                IssueTemporaryCredentialsUseCase.Command.of(me, Optional.empty(), DurationPolicy.NCP, null,
                        Optional.of(new IssueTemporaryCredentialsUseCase.MfaPresentation(Optional.empty(), MfaDeviceType.VIRTUAL, device.code(0))))));
        assertEquals(acme.user.id(), issued.credential().subAccountId());
        assertTrue(issued.credential().mfa().isPresent());
    }

    @Test
    void signOutAndAnAdminsNewPasswordEndSessions() {
        var one = assertInstanceOf(SignInToConsoleUseCase.Begun.class, signIn("acme", "alice", PASSWORD));
        var two = assertInstanceOf(SignInToConsoleUseCase.Begun.class, signIn("acme", "alice", PASSWORD));
        world.useCases.signOutOfConsole().signOut(one.session());
        assertTrue(world.useCases.resumeConsoleSession().resume(one.token()).isEmpty());
        assertTrue(world.useCases.resumeConsoleSession().resume(two.token()).isPresent());
        console(false, false, List.of());
        assertTrue(world.useCases.resumeConsoleSession().resume(two.token()).isEmpty());
    }

    @Test
    void aHashOfAnOlderCostIsMadeAgainAtTheNextSignIn() {
        byte[] salt = new byte[16];
        byte[] hash = new byte[32];
        org.bouncycastle.crypto.generators.Argon2BytesGenerator generator = new org.bouncycastle.crypto.generators.Argon2BytesGenerator();
        generator.init(new org.bouncycastle.crypto.params.Argon2Parameters.Builder(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_id)
                .withVersion(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_VERSION_13).withSalt(salt).withMemoryAsKB(8192)
                .withIterations(1).withParallelism(1).build());
        generator.generateBytes(PASSWORD.getBytes(java.nio.charset.StandardCharsets.UTF_8), hash);
        java.util.Base64.Encoder b64 = java.util.Base64.getEncoder().withoutPadding();
        io.gatekey.domain.account.PasswordHash old = new io.gatekey.domain.account.PasswordHash(
                "$argon2id$v=19$m=8192,t=1,p=1$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash));
        world.ports.subAccounts().setPassword(acme.user.id(), old, false, world.clock.instant());
        assertFalse(old.isCurrent());

        begun(signIn("acme", "alice", PASSWORD));
        io.gatekey.domain.account.PasswordHash stored = world.ports.subAccounts().passwordHash(acme.user.id()).orElseThrow();
        assertTrue(stored.isCurrent(), stored.encoded());
        assertTrue(stored.matches(PASSWORD));
        begun(signIn("acme", "alice", PASSWORD));
    }
}
