package io.gatekey.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatekey.application.port.in.audit.ListAuditEventsUseCase;
import io.gatekey.application.port.in.audit.RecordDatabaseBackupUseCase;
import io.gatekey.application.port.in.audit.RecordDatabaseRestoreUseCase;
import io.gatekey.application.port.in.credential.IssueTemporaryCredentialsUseCase;
import io.gatekey.application.port.in.mfa.EnableMfaDeviceUseCase;
import io.gatekey.application.port.in.mfa.ImportHardwareTokenUseCase;
import io.gatekey.application.testing.World;
import io.gatekey.domain.audit.AuditEvent;
import io.gatekey.domain.audit.AuditEventType;
import io.gatekey.domain.credential.DurationPolicy;
import io.gatekey.domain.mfa.MfaCheck;
import io.gatekey.domain.mfa.MfaDevice;
import io.gatekey.domain.mfa.MfaDeviceName;
import io.gatekey.domain.mfa.MfaDeviceStatus;
import io.gatekey.domain.mfa.MfaDeviceType;
import io.gatekey.domain.mfa.Totp;
import io.gatekey.domain.mfa.TotpAlgorithm;
import io.gatekey.domain.mfa.TotpParameters;
import io.gatekey.domain.mfa.TotpSeed;
import io.gatekey.domain.shared.AccessDeniedException;
import io.gatekey.domain.shared.ConflictException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HardwareTokensAndAuditTest {

    private final World world = new World();
    private final World.Tenant acme = world.acme;
    private final TotpSeed tokenSeed = TotpSeed.fromBase32("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
    private final TotpParameters eightDigits = new TotpParameters(TotpAlgorithm.SHA256, 8, 60);

    private String tokenCode(int offset) {
        return Totp.code(tokenSeed, eightDigits, Totp.stepAt(world.clock.instant(), 60) + offset);
    }

    @Test
    void anImportedHardwareTokenIsEnabledWithTwoCodesAndBacksCredentialsByType() {
        MfaDevice token = world.useCases.importHardwareToken().importToken(new ImportHardwareTokenUseCase.Command(
                world.operator, acme.user.id(), new MfaDeviceName("yubikey-1"), tokenSeed, eightDigits));
        assertEquals(MfaDeviceType.HARDWARE, token.type());
        assertEquals(MfaDeviceStatus.PENDING, token.status());
        World.Device phone = acme.enrolledDevice("phone");

        assertThrows(AccessDeniedException.class, () -> world.useCases.enableMfaDevice().enable(new EnableMfaDeviceUseCase.Command(
                acme.userPrincipal, acme.user.id(), token.serialNumber(), tokenCode(-1), tokenCode(0))), "a second device needs proof of the first");
        MfaCheck enabled = world.useCases.enableMfaDevice().enable(new EnableMfaDeviceUseCase.Command(
                acme.withMfa(phone, 1), acme.user.id(), token.serialNumber(), tokenCode(-1), tokenCode(0)));
        assertInstanceOf(MfaCheck.Accepted.class, enabled);

        var result = world.useCases.issueTemporaryCredentials().issue(IssueTemporaryCredentialsUseCase.Command.of(acme.userPrincipal,
                Optional.empty(), DurationPolicy.TENCENT, null,
                Optional.of(new IssueTemporaryCredentialsUseCase.MfaPresentation(Optional.empty(), MfaDeviceType.HARDWARE, tokenCode(1)))));
        assertEquals(token.serialNumber(), assertInstanceOf(IssueTemporaryCredentialsUseCase.Issued.class, result).credential().mfa().orElseThrow().serialNumber());

        ConflictException second = assertThrows(ConflictException.class, () -> world.useCases.importHardwareToken().importToken(
                new ImportHardwareTokenUseCase.Command(world.operator, acme.user.id(), new MfaDeviceName("yubikey-2"), tokenSeed, eightDigits)));
        assertEquals(ConflictException.Conflict.MFA_DEVICE_LIMIT, second.conflict());
        assertThrows(AccessDeniedException.class, () -> world.useCases.importHardwareToken().importToken(
                new ImportHardwareTokenUseCase.Command(acme.userPrincipal, acme.user.id(), new MfaDeviceName("mine"), tokenSeed, eightDigits)));
    }

    @Test
    void theAuditTrailIsTheOperatorsWholeAndAnAdminsOwn() {
        List<AuditEvent> all = world.useCases.listAuditEvents().list(new ListAuditEventsUseCase.Query(world.operator,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(AuditEventType.ACCOUNT_CREATED), Optional.empty(), 100));
        assertEquals(2, all.size());
        List<AuditEvent> own = world.useCases.listAuditEvents().list(new ListAuditEventsUseCase.Query(acme.admin,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 100));
        assertTrue(own.stream().allMatch(e -> e.accountId().equals(acme.accountId)));
        assertEquals(4, own.size());
        assertThrows(AccessDeniedException.class, () -> world.useCases.listAuditEvents().list(new ListAuditEventsUseCase.Query(
                acme.admin, Optional.of(world.globex.accountId), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 100)));
        List<AuditEvent> alices = world.useCases.listAuditEvents().list(new ListAuditEventsUseCase.Query(acme.admin,
                Optional.empty(), Optional.of(acme.user.id()), Optional.empty(), Optional.empty(), Optional.empty(), 100));
        assertEquals(List.of(AuditEventType.ACCESS_KEY_CREATED, AuditEventType.SUB_ACCOUNT_CREATED), alices.stream().map(AuditEvent::type).toList());
        assertThrows(AccessDeniedException.class, () -> world.useCases.listAuditEvents().list(new ListAuditEventsUseCase.Query(
                acme.userPrincipal, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 100)));
    }

    @Test
    void aBackupIsMarkedInEveryAccountsTrailByTheOperatorAlone() {
        assertEquals(2, world.useCases.recordDatabaseBackup().record(new RecordDatabaseBackupUseCase.Command(world.operator,
                "/var/backups/gatekey.sql.gz", World.START.minusSeconds(2), 345)));
        List<AuditEvent> marked = world.audit(AuditEventType.DATABASE_BACKED_UP);
        assertEquals(Set.of(acme.accountId, world.globex.accountId), marked.stream().map(AuditEvent::accountId).collect(Collectors.toSet()));
        assertEquals("database", marked.get(0).subject());
        assertEquals("backed up to /var/backups/gatekey.sql.gz, a snapshot taken at 2026-06-01T10:00:08Z (345 rows)", marked.get(0).detail());
        assertThrows(AccessDeniedException.class, () -> world.useCases.recordDatabaseBackup().record(new RecordDatabaseBackupUseCase.Command(
                acme.admin, "/tmp/mine.sql.gz", World.START, 1)));
        assertEquals(2, world.audit(AuditEventType.DATABASE_BACKED_UP).size());
    }

    @Test
    void aRestoreIsMarkedInEveryAccountsTrailByTheOperatorAlone() {
        Instant taken = World.START.minusSeconds(3600);
        assertEquals(2, world.useCases.recordDatabaseRestore().record(new RecordDatabaseRestoreUseCase.Command(world.operator,
                "/var/backups/gatekey.sql.gz", taken, Optional.of("data/gatekey-before-restore-20260601T100010Z.mv.db"))));
        List<AuditEvent> marked = world.audit(AuditEventType.DATABASE_RESTORED);
        assertEquals(Set.of(acme.accountId, world.globex.accountId), marked.stream().map(AuditEvent::accountId).collect(Collectors.toSet()));
        AuditEvent event = marked.get(0);
        assertEquals(World.START, event.at());
        assertEquals(Optional.empty(), event.subAccountId());
        assertEquals("database", event.subject());
        assertEquals("restored from /var/backups/gatekey.sql.gz, a backup taken at 2026-06-01T09:00:10Z; the database it replaced is kept as "
                + "data/gatekey-before-restore-20260601T100010Z.mv.db", event.detail());
        assertThrows(AccessDeniedException.class, () -> world.useCases.recordDatabaseRestore().record(new RecordDatabaseRestoreUseCase.Command(
                acme.admin, "/var/backups/gatekey.sql.gz", taken, Optional.empty())));
        assertEquals(2, world.audit(AuditEventType.DATABASE_RESTORED).size());
    }
}
