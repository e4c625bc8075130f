package io.gatekey.app.cli;

import static io.gatekey.app.cli.AppCliTest.code;
import static io.gatekey.app.cli.AppCliTest.field;
import static io.gatekey.app.cli.AppCliTest.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatekey.adapter.cli.CliRunner;
import io.gatekey.adapter.persistence.SchemaMigrations;
import io.gatekey.app.GatekeyTestAccess;
import io.gatekey.application.port.in.account.CreateSubAccountUseCase;
import io.gatekey.application.port.in.account.DeleteSubAccountUseCase;
import io.gatekey.application.port.in.account.ListSubAccountsUseCase;
import io.gatekey.application.service.GatekeyServices;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.SubAccountId;
import io.gatekey.domain.mfa.Totp;
import io.gatekey.domain.secret.AesGcmSealer;
import io.gatekey.domain.secret.MasterKey;
import io.gatekey.domain.secret.SealedSecret;
import io.gatekey.domain.access.Principal;
import io.gatekey.domain.account.SubAccountName;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gatekey db backup} and {@code db restore} on the embedded default, as an operator runs them. */
class DatabaseBackupTest {

    /** How many users the writing server keeps at most while a backup is taken, below the account's 500. */
    private static final int LIVE_USERS = 300;

    @TempDir
    Path work;

    private Path dataDir() {
        return work.resolve("data");
    }

    private static GatekeyTestAccess.Closeable environment(Path dataDir) {
        return GatekeyTestAccess.environment(Map.of("gatekey.data-dir", dataDir.toString()));
    }

    /** Runs one command in a fresh environment on the data folder, as a new process would. */
    private static CliRunner.Run run(Path dataDir, String... args) {
        try (var environment = environment(dataDir)) {
            return new CliRunner(environment).run(args);
        }
    }

    @Test
    void aRestoreBringsBackWhatTheBackupHeldAndKeepsTheDatabaseItReplaces() throws IOException {
        Path backup = work.resolve("gatekey.sql.gz");
        String seed;
        String serial;
        String aliceKey;
        try (var environment = environment(dataDir())) {
            CliRunner cli = new CliRunner(environment);
            ok(cli, "init", "--name", "Example Corp");
            ok(cli, "users", "create", "alice");
            aliceKey = field(ok(cli, "keys", "create", "--user", "alice", "-o", "json").out(), "accessKeyId");
            String device = ok(cli, "mfa", "create", "--user", "alice", "alice-phone", "-o", "json").out();
            seed = field(device, "base32Seed");
            serial = field(device, "serialNumber");
            long step = Totp.stepAt(Instant.now(), 30);
            ok(cli, "mfa", "enable", "--user", "alice", serial, code(seed, step - 1), code(seed, step));

            String written = ok(cli, "db", "backup", backup.toString(), "-o", "json").out();
            assertEquals(backup.toString(), field(written, "file"));
            assertEquals(String.valueOf(SchemaMigrations.LATEST_VERSION), field(written, "schemaVersion"));
            assertEquals("12", field(written, "tables"));
            assertTrue(Long.parseLong(field(written, "rows")) > 10, written);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(backup)));
            // The trail names it, the operator's act.
            String backedUp = ok(cli, "audit", "--type", "database_backed_up", "-o", "json").out();
            String takenAt = lines(backup).get(0).replaceAll(".*; taken (\\S+);.*", "$1");
            assertEquals("backed up to " + backup + ", a snapshot taken at " + takenAt + " (" + field(written, "rows") + " rows)",
                    field(backedUp, "detail"));
            assertEquals("operator", field(backedUp, "actor"));

            // Changes after the backup: a user more, alice's key gone.
            ok(cli, "users", "create", "bob");
            ok(cli, "keys", "delete", aliceKey);
        }

        CliRunner.Run restore = run(dataDir(), "db", "restore", backup.toString(), "-o", "json");
        assertEquals(0, restore.exitCode(), restore.err());
        Path kept = Path.of(field(restore.out(), "replacedKeptAs"));
        assertTrue(kept.getFileName().toString().matches("gatekey-before-restore-\\d{8}T\\d{6}Z\\.mv\\.db"), kept.toString());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(kept)));

        try (var environment = environment(dataDir())) {
            CliRunner cli = new CliRunner(environment);
            String users = ok(cli, "users", "list", "-o", "json").out();
            assertTrue(users.contains("\"alice\""), users);
            assertFalse(users.contains("\"bob\""), users);
            assertTrue(ok(cli, "keys", "list", "--user", "alice", "-o", "json").out().contains(aliceKey));
            // The device's sealed seed opens: a fresh code issues credentials with MFA.
            long step = Totp.stepAt(Instant.now(), 30);
            String issued = ok(cli, "credentials", "issue", "--user", "alice", "--code", code(seed, step + 1), "-o", "json").out();
            assertEquals(serial, field(issued, "mfaSerialNumber"));
            assertTrue(ok(cli, "audit", "verify").out().startsWith("The audit trail is whole"));
            // The trail says what happened: what came after the backup is only in the database it replaced.
            String marked = ok(cli, "audit", "--type", "database_restored", "-o", "json").out();
            String takenAt = lines(backup).get(0).replaceAll(".*; taken (\\S+);.*", "$1");
            assertEquals("restored from " + backup + ", a backup taken at " + takenAt + "; the database it replaced is kept as " + kept,
                    field(marked, "detail"));
            assertEquals("operator", field(marked, "actor"));
        }
        // The database it replaced is whole too, with bob in it.
        Path replacedFolder = work.resolve("replaced");
        Files.createDirectories(replacedFolder);
        Files.copy(kept, replacedFolder.resolve("gatekey.mv.db"));
        Files.copy(dataDir().resolve("master.key"), replacedFolder.resolve("master.key"));
        Files.copy(dataDir().resolve("db.password"), replacedFolder.resolve("db.password"));
        assertTrue(run(replacedFolder, "users", "list").out().contains("bob"));
    }

    @Test
    void aBackupIsTakenWhileTheServerWritesAndARestoreWaitsUntilItStops() throws Exception {
        Path backup = work.resolve("live.sql.gz");
        try (ApplicationContext server = GatekeyTestAccess.server(Map.of("gatekey.data-dir", dataDir().toString(), "micronaut.server.port", -1))) {
            GatekeyTestAccess.operatorInit(server, "Example Corp");
            GatekeyServices services = server.getBean(GatekeyServices.class);
            AccountId account = services.listAccounts().list(new Principal.Operator()).get(0).id();
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicInteger created = new AtomicInteger();
            Thread writer = new Thread(() -> {
                // However long the backup takes: past the account's 500 users, the oldest give way to the new.
                Deque<SubAccountId> kept = new ArrayDeque<>();
                while (writing.get()) {
                    kept.add(services.createSubAccount().create(new CreateSubAccountUseCase.Command(new Principal.Operator(), account,
                            new SubAccountName("user" + (created.get() + 1)))).id());
                    created.incrementAndGet();
                    if (kept.size() > LIVE_USERS) {
                        services.deleteSubAccount().delete(new DeleteSubAccountUseCase.Command(new Principal.Operator(), kept.remove()));
                    }
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            writer.start();
            // The command is another process: it reaches the server's database through H2's auto-server.
            Process cli;
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (created.get() < 20 && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                cli = gatekey("db", "backup", backup.toString(), "-o", "json");
            } finally {
                writing.set(false);
                writer.join();
            }
            assertEquals(0, cli.exitValue(), errorOf(cli));
            long rows = Long.parseLong(field(outputOf(cli), "rows"));

            Process refused = gatekey("db", "restore", backup.toString());
            assertEquals(1, refused.exitValue());
            assertTrue(errorOf(refused).contains("is in use: stop the server"), errorOf(refused));
            // Still served, and what was written after the backup is there.
            assertEquals(Math.min(created.get(), LIVE_USERS),
                    services.listSubAccounts().list(new ListSubAccountsUseCase.Query(new Principal.Operator(), account)).size());
            server.close();

            CliRunner.Run restored = run(dataDir(), "db", "restore", backup.toString(), "-o", "json");
            assertEquals(0, restored.exitCode(), restored.err());
            assertEquals(String.valueOf(rows), field(restored.out(), "rows"));
            // One snapshot: its users and their audit events agree, and every chain is whole.
            String users = run(dataDir(), "users", "list", "-o", "json").out();
            List<Integer> backedUp = Pattern.compile("\"user(\\d+)\"").matcher(users).results()
                    .map(match -> Integer.parseInt(match.group(1))).distinct().sorted().toList();
            // One moment of the writer's: the users it had then, none missing between the first and the last.
            assertFalse(backedUp.isEmpty(), users);
            int first = backedUp.get(0);
            int last = backedUp.get(backedUp.size() - 1);
            assertEquals(IntStream.rangeClosed(first, last).boxed().toList(), backedUp);
            assertEquals(Math.max(1, last - LIVE_USERS + 1), first);
            // Users came before it and after it: the server wrote on while the backup was taken.
            assertTrue(last >= 20 && last < created.get(), last + " of " + created.get());
            // An event whose user is not in the snapshot, or the other way round, would show as a chain cut short.
            CliRunner.Run verified = run(dataDir(), "audit", "verify");
            assertTrue(verified.out().startsWith("The audit trail is whole"), verified.out() + verified.err());
        }
    }

    @Test
    void aBackupRestoresOnlyUnalteredAndUnderTheMasterKeyThatMadeIt() throws IOException {
        Path backup = work.resolve("gatekey.sql.gz");
        try (var environment = environment(dataDir())) {
            CliRunner cli = new CliRunner(environment);
            ok(cli, "init", "--name", "Example Corp");
            ok(cli, "users", "create", "alice");
            ok(cli, "db", "backup", backup.toString());
            ok(cli, "users", "create", "bob");
        }
        List<String> lines = lines(backup);

        // One byte changed in a row.
        Path altered = work.resolve("altered.sql.gz");
        writeLines(altered, lines.stream().map(line -> line.replace("'alice'", "'alicf'")).toList());
        assertRefused(dataDir(), altered, altered + " was altered after it was made: its content does not match its seal.");
        // A statement added, such as one that would run code.
        List<String> added = new ArrayList<>(lines);
        added.add(added.size() - 1, "CREATE ALIAS RUN_ME AS 'String run() { return \"x\"; }';");
        writeLines(altered, added);
        assertRefused(dataDir(), altered, altered + " was altered after it was made: its content does not match its seal.");
        // Cut short: the seal is gone.
        writeLines(altered, lines.subList(0, lines.size() - 1));
        assertRefused(dataDir(), altered, altered + " is cut short or altered: it ends without its seal.");
        // Not a backup at all.
        Path text = work.resolve("notes.txt");
        Files.writeString(text, "-- Gatekey backup\n");
        assertRefused(dataDir(), text, text + " is not a Gatekey backup (one 'gatekey db backup' wrote).");
        writeLines(altered, List.of("SELECT 1;"));
        assertRefused(dataDir(), altered, altered + " is not a Gatekey backup (one 'gatekey db backup' wrote).");
        assertRefused(dataDir(), work.resolve("missing.sql.gz"), "Cannot read " + work.resolve("missing.sql.gz") + ": no such file.");

        // Sealed under the right key, but of a schema this version does not know.
        writeLines(altered, resealed(dataDir(), lines.stream().map(line -> line.replaceFirst("^(-- Gatekey backup 1; schema )\\d+", "$199")).toList()));
        assertRefused(dataDir(), altered, altered + " was made by a newer Gatekey (schema version 99; this one knows up to "
                + SchemaMigrations.LATEST_VERSION + "): restore it with that version.");

        // Another installation, with a master key of its own.
        Path other = work.resolve("other");
        assertEquals(0, run(other, "init", "--name", "Other Corp").exitCode());
        assertRefused(other, backup, backup + " does not open with this installation's master key: a backup restores only where the master key "
                + "that made it is held (put its key file in place, or give it in GATEKEY_MASTER_KEY), and only unaltered.");
        assertTrue(run(other, "accounts", "list").out().contains("Other Corp"));

        // A new folder without the key: nothing is made, the key is asked for.
        Path fresh = work.resolve("fresh");
        CliRunner.Run withoutKey = run(fresh, "db", "restore", backup.toString());
        assertEquals(1, withoutKey.exitCode());
        assertTrue(withoutKey.err().contains("master.key does not exist. A backup restores only under the master key it was made under"), withoutKey.err());
        assertFalse(Files.exists(fresh.resolve("master.key")));
        assertFalse(Files.exists(fresh.resolve("gatekey.mv.db")));

        // With the key in place, the new folder takes the backup whole (and has no database of its own to keep).
        Files.createDirectories(fresh);
        Files.copy(dataDir().resolve("master.key"), fresh.resolve("master.key"));
        CliRunner.Run restored = run(fresh, "db", "restore", backup.toString(), "-o", "json");
        assertEquals(0, restored.exitCode(), restored.err());
        assertEquals("null", field(restored.out(), "replacedKeptAs"));
        String users = run(fresh, "users", "list").out();
        assertTrue(users.contains("alice") && !users.contains("bob"), users);
        assertTrue(run(fresh, "audit", "verify").out().startsWith("The audit trail is whole"));
        try (var files = Files.list(fresh)) {
            assertEquals(List.of("db.password", "gatekey.mv.db", "master.key"), files.map(f -> f.getFileName().toString())
                    .filter(name -> !name.endsWith(".trace.db")).sorted().toList(), "no draft is left behind");
        }
    }

    @Test
    void aBackupNeverOverwritesAndIsTheEmbeddedDefaultsOnly() throws IOException {
        Path backup = work.resolve("gatekey.sql.gz");
        Files.writeString(backup, "kept");
        try (var environment = environment(dataDir())) {
            CliRunner cli = new CliRunner(environment);
            ok(cli, "init", "--name", "Example Corp");
            CliRunner.Run exists = cli.run("db", "backup", backup.toString());
            assertEquals(1, exists.exitCode());
            assertEquals("gatekey: " + backup + " exists already: name a new file.\n", exists.err());
            assertEquals("kept", Files.readString(backup));
            Path nowhere = work.resolve("no-such-folder").resolve("gatekey.sql.gz");
            CliRunner.Run missing = cli.run("db", "backup", nowhere.toString());
            assertEquals(1, missing.exitCode());
            assertEquals("gatekey: Cannot write " + nowhere + ": no such folder.\n", missing.err());
        }
        try (var environment = GatekeyTestAccess.environment(Map.of("gatekey.data-dir", dataDir().toString(),
                "datasources.default.url", "jdbc:h2:mem:elsewhere;MODE=MariaDB;DATABASE_TO_LOWER=TRUE"))) {
            CliRunner cli = new CliRunner(environment);
            CliRunner.Run refused = cli.run("db", "backup", work.resolve("other.sql.gz").toString());
            assertEquals(1, refused.exitCode());
            assertEquals("gatekey: The database is jdbc:h2:mem:elsewhere, not the embedded default: back it up with mariadb-backup or "
                    + "mariadb-dump, and keep the master key apart from it.\n", refused.err());
            assertFalse(Files.exists(work.resolve("other.sql.gz")));
        }
    }

    private static void assertRefused(Path dataDir, Path file, String message) {
        CliRunner.Run run = run(dataDir, "db", "restore", file.toString());
        assertEquals(1, run.exitCode(), run.out());
        assertEquals("gatekey: " + message + "\n", run.err());
    }

    /** The lines with their seal made again, as a backup of them would be sealed under the folder's master key (version 1). */
    private static List<String> resealed(Path dataDir, List<String> lines) throws IOException {
        String key = Files.readString(dataDir.resolve("master.key")).strip();
        AesGcmSealer sealer = new AesGcmSealer(List.of(MasterKey.fromBase64(1, key.substring(key.indexOf(':') + 1))), new SecureRandom());
        List<String> content = lines.subList(0, lines.size() - 1);
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest((String.join("\n", content) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        SealedSecret seal = sealer.seal(digest, "gatekey backup".getBytes(StandardCharsets.US_ASCII));
        List<String> sealed = new ArrayList<>(content);
        sealed.add("-- Gatekey seal " + seal.keyVersion() + ":" + Base64.getEncoder().encodeToString(seal.sealed()));
        return sealed;
    }

    private static List<String> lines(Path gzipped) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gzipped))) {
            return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        }
    }

    private static void writeLines(Path gzipped, List<String> lines) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzipped))) {
            out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Runs the jar's main class in another JVM on the data folder, and waits for it. */
    private Process gatekey(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dgatekey.data-dir=" + dataDir(), "io.gatekey.app.GatekeyMain"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectOutput(work.resolve("out.txt").toFile()).redirectError(work.resolve("err.txt").toFile()).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        return process;
    }

    private String outputOf(Process process) throws IOException {
        return Files.readString(work.resolve("out.txt"));
    }

    private String errorOf(Process process) throws IOException {
        return Files.readString(work.resolve("err.txt"));
    }
}
