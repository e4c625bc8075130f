package io.gatekey.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatekey.adapter.cli.CliRunner;
import io.gatekey.adapter.persistence.MasterKeyMissingException;
import io.gatekey.adapter.persistence.TestDatabases;
import io.gatekey.app.GatekeyTestAccess;
import io.gatekey.domain.mfa.Totp;
import io.gatekey.domain.mfa.TotpParameters;
import io.gatekey.domain.mfa.TotpSeed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI on the embedded default (an H2 file database), as an operator runs it. */
class AppCliTest {

    @TempDir
    Path dataDir;

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\" : (\"([^\"]*)\"|(true|false|null|-?\\d+))").matcher(json);
        if (!m.find()) {
            throw new AssertionError(name + " not in " + json);
        }
        return m.group(2) != null ? m.group(2) : m.group(3);
    }

    static String code(String seed, long step) {
        return Totp.code(TotpSeed.fromBase32(seed), TotpParameters.DEFAULT, step);
    }

    /** The current step, read once, so that codes computed from it stay consecutive across a step boundary. */
    private static long step() {
        return Totp.stepAt(Instant.now(), 30);
    }

    static CliRunner.Run ok(CliRunner cli, String... args) {
        CliRunner.Run run = cli.run(args);
        assertEquals(0, run.exitCode(), String.join(" ", args) + "\n" + run.err() + run.out());
        return run;
    }

    @Test
    void theEnrolmentFlowOnTheEmbeddedDatabaseAndAMasterKeyRotation() {
        try (var environment = GatekeyTestAccess.environment(Map.of("gatekey.data-dir", dataDir.toString()))) {
            CliRunner cli = new CliRunner(environment);
            assertEquals("Applied " + io.gatekey.adapter.persistence.SchemaMigrations.LATEST_VERSION + " migration(s).\n", ok(cli, "db", "migrate").out());
            ok(cli, "init", "-o", "json");
            String alice = field(ok(cli, "users", "create", "alice", "-o", "json").out(), "userId");
            ok(cli, "keys", "create", "--user", alice);
            String device = ok(cli, "mfa", "create", "--user", alice, "alice-phone", "-o", "json").out();
            String serial = field(device, "serialNumber");
            String seed = field(device, "base32Seed");
            long now = step();
            ok(cli, "mfa", "enable", "--user", alice, serial, code(seed, now - 1), code(seed, now));
            String issued = ok(cli, "credentials", "issue", "--user", alice, "--code", code(seed, now + 1), "-o", "json").out();
            assertEquals(serial, field(issued, "mfaSerialNumber"));

            String rotated = ok(cli, "master-key", "rotate", "-o", "json").out();
            assertEquals("2", field(rotated, "activeVersion"));
            assertEquals("4", field(rotated, "resealedRows"));
            assertEquals("0", field(rotated, "remainingRows"));
            assertEquals("The schema is up to date.\n", ok(cli, "db", "migrate").out());
            String resealed = ok(cli, "master-key", "reseal", "-o", "json").out();
            assertEquals("2", field(resealed, "activeVersion"));
            assertEquals("0", field(resealed, "resealedRows"), "rotate re-sealed everything");
            assertEquals("0", field(resealed, "remainingRows"));
            // Everything still opens under the new key: the device's seed checks two fresh codes.
            assertTrue(ok(cli, "mfa", "resync", "--user", alice, serial, code(seed, now + 2), code(seed, now + 3)).out().contains("resynchronised"));
            assertEquals(2, ok(cli, "keys", "list", "--user", alice, "-o", "json").out().split("\"accessKeyId\"").length);
        }
        // Pinned back to version 1 (as during a rollout across nodes), reseal moves every row to the pinned version.
        try (var pinned = GatekeyTestAccess.environment(Map.of("gatekey.data-dir", dataDir.toString(), "gatekey.master-key-active-version", 1))) {
            String resealed = ok(new CliRunner(pinned), "master-key", "reseal", "-o", "json").out();
            assertEquals("1", field(resealed, "activeVersion"));
            assertEquals("4", field(resealed, "resealedRows"));
            assertEquals("0", field(resealed, "remainingRows"));
        }
    }

    @Test
    void theCliWorksWhileTheServerHoldsTheSameEmbeddedDatabase() throws Exception {
        try (var server = GatekeyTestAccess.server(Map.of("gatekey.data-dir", dataDir.toString(), "micronaut.server.port", -1))) {
            GatekeyTestAccess.operatorInit(server, "Example Corp");
            Process cli = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "-Dgatekey.data-dir=" + dataDir, "io.gatekey.app.GatekeyMain",
                    "accounts", "list", "-o", "json")).redirectErrorStream(false).start();
            assertTrue(cli.waitFor(60, TimeUnit.SECONDS));
            String out = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(cli.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, cli.exitValue(), err);
            assertEquals("Example Corp", field(out, "name"));
            // And the server still answers after the CLI came and went.
            assertEquals(1, GatekeyTestAccess.accountCount(server));
        }
    }

    @Test
    void aMariaDbInstallationWithoutAMasterKeyRefusesToServeAndWritesNothing() throws Exception {
        TestDatabases.Database database = TestDatabases.newMariaDbDatabase();
        try (var environment = GatekeyTestAccess.environment(Map.of("datasources.default.url", database.url(),
                "datasources.default.username", database.user(), "datasources.default.password", database.password(),
                "micronaut.server.port", -1))) {
            CliRunner.Run run = new CliRunner(environment).run("serve");
            assertEquals(1, run.exitCode());
            assertEquals("gatekey: failed: " + new MasterKeyMissingException().getMessage() + "\n", run.err());
        }
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
             ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), null, "%", new String[] {"TABLE"})) {
            assertTrue(!tables.next(), "no table may be created before the key is known");
        }
    }

    @Test
    void aDamagedKeyFileStopsEveryCommandWithOneLineNamingIt() throws IOException {
        Files.createDirectories(dataDir);
        Files.writeString(dataDir.resolve("master.key"), "1:AAEC\n");
        try (var environment = GatekeyTestAccess.environment(Map.of("gatekey.data-dir", dataDir.toString(), "micronaut.server.port", -1))) {
            for (String[] command : List.of(new String[] {"accounts", "list"}, new String[] {"serve"})) {
                CliRunner.Run run = new CliRunner(environment).run(command);
                assertEquals(1, run.exitCode(), run.err());
                assertEquals("gatekey: failed: The master key file " + dataDir.resolve("master.key").toAbsolutePath().normalize() + " holds no usable key "
                        + "(masterKey: exactly 32 bytes (256 bits)); restore it from its backup. Each line is version:base64, the Base64 of 32 random bytes.\n",
                        run.err());
            }
        }
        assertTrue(Files.notExists(dataDir.resolve("gatekey.mv.db")), "nothing is opened or created without a usable key");
    }

    @Test
    void aDatabaseThatRefusesTheConnectionIsOneLineOnStandardError() throws Exception {
        // The server answers with an error of its own (which MariaDB's driver would also log as a warning): a database it lacks.
        TestDatabases.Database database = TestDatabases.newMariaDbDatabase();
        String absent = "gatekey_absent_" + System.nanoTime();
        String url = database.url().replaceFirst("/[^/?]+(\\?|$)", "/" + absent + "$1");
        Process cli = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Ddatasources.default.url=" + url,
                "-Ddatasources.default.username=" + database.user(), "-Ddatasources.default.password=" + database.password(),
                "-Dgatekey.master-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", "io.gatekey.app.GatekeyMain", "accounts", "list")).start();
        assertTrue(cli.waitFor(60, TimeUnit.SECONDS));
        String err = new String(cli.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, cli.exitValue(), err);
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.matches("gatekey: failed: \\(conn=\\d+\\) Unknown database '" + absent + "'\n"), err);
    }

    @Test
    void aBrokenDatabaseConfigurationIsOneClearLine() throws IOException {
        try (var environment = GatekeyTestAccess.environment(Map.of("datasources.default.url", "jdbc:mariadb://127.0.0.1:1/gatekey"))) {
            CliRunner.Run run = new CliRunner(environment).run("accounts", "list");
            assertEquals(1, run.exitCode());
            assertEquals(1, run.err().lines().count(), run.err());
            assertTrue(run.err().startsWith("gatekey: "), run.err());
            assertTrue(run.err().contains("GATEKEY_MASTER_KEY"), run.err());
        }
    }

}
