package io.gatekey.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatekey.application.port.in.credential.IssueTemporaryCredentialsUseCase;
import io.gatekey.application.port.in.mfa.ListMfaDevicesUseCase;
import io.gatekey.application.port.out.AuditLog;
import io.gatekey.application.testing.MutableClock;
import io.gatekey.domain.audit.AuditEvent;
import io.gatekey.domain.audit.AuditEventType;
import io.gatekey.domain.mfa.MfaCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The durable embedded entry point: what one opening does, the next opening finds, on each kind of database. */
class PersistentGatekeyTest {

    @TempDir
    Path folder;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T10:00:10Z"));

    /** Opens, enrols and issues with a code, closes; opens again and finds it all, the used code refused. */
    private void survivesReopening(Supplier<PersistentGatekey> open) {
        Enrolment before;
        String used;
        try (PersistentGatekey gatekey = open.get()) {
            before = Enrolment.of(gatekey, clock);
            used = before.code(1);
            var issued = assertInstanceOf(IssueTemporaryCredentialsUseCase.Issued.class, before.issue(used));
            assertEquals(before.serial(), issued.credential().mfa().orElseThrow().serialNumber());
        }
        try (PersistentGatekey gatekey = open.get()) {
            Enrolment after = before.through(gatekey);
            var devices = gatekey.useCases().listMfaDevices().list(new ListMfaDevicesUseCase.Query(gatekey.operator(), after.account(),
                    Optional.of(after.user().id()), Optional.empty(), 10));
            assertEquals(1, devices.devices().size());
            assertTrue(devices.devices().get(0).isEnabled());
            assertEquals(MfaCheck.Reason.REPLAYED, assertInstanceOf(IssueTemporaryCredentialsUseCase.MfaRejected.class, after.issue(used)).reason());
            clock.advance(Duration.ofSeconds(30));
            assertInstanceOf(IssueTemporaryCredentialsUseCase.Issued.class, after.issue(after.code(1)));
            assertEquals(2, gatekey.auditLog().recent(new AuditLog.Query(Optional.of(after.account()), Optional.empty(), Optional.empty(),
                    Optional.of(AuditEventType.CREDENTIALS_ISSUED), Optional.empty(), 10)).size());
        }
    }

    @Test
    void inAFolderTheStateSurvivesClosingAndTheFolderIsTheOwnersAlone() throws Exception {
        Path data = folder.resolve("data");
        survivesReopening(() -> PersistentGatekey.inFolder(data).clock(clock).open());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("master.key"))));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("db.password"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));
        assertTrue(Files.exists(data.resolve("gatekey.mv.db")));

        Files.move(data.resolve("master.key"), folder.resolve("master.key.backup"));
        MasterKeyMissingException refused = assertThrows(MasterKeyMissingException.class, () -> PersistentGatekey.inFolder(data).clock(clock).open());
        assertTrue(refused.getMessage().startsWith("The embedded database " + data.resolve("gatekey.mv.db") + " exists"), refused.getMessage());
        assertTrue(Files.notExists(data.resolve("master.key")), "no new key was made");
        Files.move(folder.resolve("master.key.backup"), data.resolve("master.key"));
        try (PersistentGatekey restored = PersistentGatekey.inFolder(data).clock(clock).open()) {
            assertEquals(1, restored.useCases().listAccounts().list(restored.operator()).size());
        }
    }

    @Test
    void aProgramBacksUpTheFolderItUsesAndTheBackupRestoresThere() throws Exception {
        Path data = folder.resolve("data");
        Path backup = folder.resolve("gatekey.sql.gz");
        Enrolment enrolled;
        try (PersistentGatekey gatekey = PersistentGatekey.inFolder(data).clock(clock).open()) {
            enrolled = Enrolment.of(gatekey, clock);
            EmbeddedBackup.Summary summary = gatekey.backup(backup);
            assertEquals(SchemaMigrations.LATEST_VERSION, summary.schemaVersion());
            assertEquals(clock.instant(), summary.takenAt());
            assertTrue(summary.rows() > 5, summary.toString());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(backup)));
            // The trail names the backup, after its snapshot.
            List<AuditEvent> backedUp = events(gatekey, AuditEventType.DATABASE_BACKED_UP);
            assertEquals(1, backedUp.size());
            assertEquals("backed up to " + backup.toAbsolutePath() + ", a snapshot taken at " + clock.instant() + " (" + summary.rows() + " rows)",
                    backedUp.get(0).detail());
            assertEquals("embedded", backedUp.get(0).origin().door());
            // A backup the trail cannot name is not kept.
            Path unrecorded = folder.resolve("unrecorded.sql.gz");
            EmbeddedBackup.Summary written = gatekey.backup(unrecorded);
            IllegalStateException down = assertThrows(IllegalStateException.class, () -> EmbeddedBackup.recorded(written, unrecorded, command -> {
                throw new IllegalStateException("the audit log cannot be written");
            }, gatekey.operator()));
            assertEquals("the audit log cannot be written", down.getMessage());
            assertFalse(Files.exists(unrecorded));
            // Used on after the backup: a code accepted now is not in it.
            assertInstanceOf(IssueTemporaryCredentialsUseCase.Issued.class, enrolled.issue(enrolled.code(1)));
        }
        // Refused while the folder's database is open, then done once it is closed.
        try (PersistentGatekey open = PersistentGatekey.inFolder(data).clock(clock).open()) {
            EmbeddedBackup.Refused inUse = assertThrows(EmbeddedBackup.Refused.class, () -> PersistentGatekey.inFolder(data).clock(clock).restore(backup));
            assertTrue(inUse.getMessage().endsWith("is in use: stop the server (and any command or program using it), then restore."), inUse.getMessage());
            assertEquals(1, open.useCases().listAccounts().list(open.operator()).size(), "the open one is left as it was");
        }
        EmbeddedBackup.Restored restored = PersistentGatekey.inFolder(data).clock(clock).restore(backup);
        assertEquals(SchemaMigrations.LATEST_VERSION, restored.summary().schemaVersion());
        assertTrue(Files.exists(restored.replaced().orElseThrow()));
        try (PersistentGatekey gatekey = PersistentGatekey.inFolder(data).clock(clock).open()) {
            assertEquals(0, events(gatekey, AuditEventType.CREDENTIALS_ISSUED).size(), "the issuance came after the backup");
            List<AuditEvent> marked = events(gatekey, AuditEventType.DATABASE_RESTORED);
            assertEquals(1, marked.size());
            assertEquals("embedded", marked.get(0).origin().door());
            assertInstanceOf(IssueTemporaryCredentialsUseCase.Issued.class, enrolled.through(gatekey).issue(enrolled.code(1)));
        }

        JdbcDataSource elsewhere = new JdbcDataSource();
        elsewhere.setURL(TestDatabases.newH2Database().url());
        elsewhere.setUser("sa");
        try (PersistentGatekey other = PersistentGatekey.onDataSource(elsewhere).masterKey(TestStore.MASTER_KEY).clock(clock).open()) {
            EmbeddedBackup.Refused refused = assertThrows(EmbeddedBackup.Refused.class, () -> other.backup(folder.resolve("other.sql.gz")));
            assertTrue(refused.getMessage().contains("not the embedded default: back it up with mariadb-backup or mariadb-dump"), refused.getMessage());
        }
    }

    @Test
    void aRestoreWhoseDatabaseCannotTakeItsPlaceLeavesTheFolderAsItWas() throws Exception {
        Path data = folder.resolve("data");
        Path backup = folder.resolve("gatekey.sql.gz");
        Enrolment enrolled;
        try (PersistentGatekey gatekey = PersistentGatekey.inFolder(data).clock(clock).open()) {
            enrolled = Enrolment.of(gatekey, clock);
            gatekey.backup(backup);
            assertInstanceOf(IssueTemporaryCredentialsUseCase.Issued.class, enrolled.issue(enrolled.code(1)));
        }
        List<Path> moved = new ArrayList<>();
        EmbeddedBackup.Refused refused = assertThrows(EmbeddedBackup.Refused.class, () -> PersistentGatekey.inFolder(data).clock(clock).restore(backup,
                (from, to) -> {
                    if (from.getFileName().toString().startsWith(".gatekey-restore-")) {
                        throw new IOException("No space left on device");
                    }
                    EmbeddedBackup.FileMove.FILES.move(from, to);
                    moved.add(to);
                }));
        assertEquals("Cannot restore " + backup + ": no space left on device.", refused.getMessage());
        assertEquals(2, moved.size(), "the database was moved aside, then back: " + moved);
        assertEquals(data.resolve("gatekey.mv.db"), moved.get(1));
        try (Stream<Path> files = Files.list(data)) {
            assertEquals(List.of(), files.map(file -> file.getFileName().toString())
                    .filter(name -> name.startsWith(".gatekey-restore-") || name.contains("-before-restore-")).toList(), "no draft and no copy left");
        }
        try (PersistentGatekey gatekey = PersistentGatekey.inFolder(data).clock(clock).open()) {
            assertEquals(1, events(gatekey, AuditEventType.CREDENTIALS_ISSUED).size(), "the issuance made after the backup is still there");
            assertEquals(0, events(gatekey, AuditEventType.DATABASE_RESTORED).size());
            assertEquals(MfaCheck.Reason.REPLAYED, assertInstanceOf(IssueTemporaryCredentialsUseCase.MfaRejected.class,
                    enrolled.through(gatekey).issue(enrolled.code(1))).reason(), "the code it used stays used");
        }
    }

    @Test
    void onMariaDbByUrl() {
        TestDatabases.Database database = TestDatabases.newMariaDbDatabase();
        survivesReopening(() -> PersistentGatekey.onDatabase(database.url(), database.user(), database.password())
                .masterKey(TestStore.MASTER_KEY).clock(clock).open());
    }

    @Test
    void onTheEmbeddersOwnDataSource() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(TestDatabases.newH2Database().url());
        dataSource.setUser("sa");
        survivesReopening(() -> PersistentGatekey.onDataSource(dataSource).masterKey(TestStore.MASTER_KEY).clock(clock).open());
    }

    @Test
    void aDatabaseByUrlWithoutAMasterKeyIsRefusedAndLeftUntouched() {
        TestDatabases.Database database = TestDatabases.newMariaDbDatabase();
        assertThrows(MasterKeyMissingException.class, () -> PersistentGatekey.onDatabase(database.url(), database.user(), database.password()).open());
        try (PersistentGatekey gatekey = PersistentGatekey.onDatabase(database.url(), database.user(), database.password())
                .masterKey(TestStore.MASTER_KEY).open()) {
            assertEquals(0, gatekey.useCases().listAccounts().list(gatekey.operator()).size());
        }
    }

    private static List<AuditEvent> events(PersistentGatekey gatekey, AuditEventType type) {
        return gatekey.auditLog().recent(new AuditLog.Query(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(type), Optional.empty(), 10));
    }
}
