package io.gatekey.adapter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.gatekey.application.testing.MutableClock;
import io.gatekey.domain.mfa.Totp;
import io.gatekey.domain.mfa.TotpAlgorithm;
import io.gatekey.domain.mfa.TotpParameters;
import io.gatekey.domain.mfa.TotpSeed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every command through picocli: output, JSON shape, exit codes, bad arguments. Each wiring (in memory, the
 * embedded H2 database) runs the same commands.
 */
public abstract class CliCommandsContract {

    protected final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T10:00:10Z"));
    protected CliEnvironment environment;
    protected CliRunner cli;

    /** A fresh, empty installation on the given clock. */
    protected abstract CliEnvironment newEnvironment(MutableClock clock);

    /** The door the installation's audit events name: the CLI's, or an embedding program's. */
    protected abstract String auditDoor();

    @BeforeEach
    void openEnvironment() {
        environment = newEnvironment(clock);
        cli = new CliRunner(environment);
    }

    @AfterEach
    void closeEnvironment() throws Exception {
        if (environment instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    @TempDir
    Path dir;

    public static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\" : (\"([^\"]*)\"|(true|false|null|-?\\d+))").matcher(json);
        if (!m.find()) {
            throw new AssertionError(name + " not in " + json);
        }
        return m.group(2) != null ? m.group(2) : m.group(3);
    }

    private String code(String base32, int offset) {
        return Totp.code(TotpSeed.fromBase32(base32), TotpParameters.DEFAULT, Totp.stepAt(clock.instant(), 30) + offset);
    }

    protected CliRunner.Run ok(String... args) {
        CliRunner.Run run = cli.run(args);
        assertEquals(0, run.exitCode(), String.join(" ", args) + "\n" + run.err() + run.out());
        assertEquals("", run.err());
        return run;
    }

    private String init() {
        return field(ok("init", "--name", "Example Corp", "-o", "json").out(), "accountId");
    }

    private String newUser(String name) {
        return field(ok("users", "create", name, "-o", "json").out(), "userId");
    }

    @Test
    void initCreatesTheFirstAccountOnceAndPrintsItsSecret() {
        CliRunner.Run run = ok("init", "--name", "Example Corp", "-o", "json");
        assertTrue(run.out().startsWith("{"));
        assertEquals("Example Corp", field(run.out(), "name"));
        assertTrue(field(run.out(), "accessKeyId").matches("GKAK[A-Z2-7]{16}"));
        assertEquals(40, field(run.out(), "secretKey").length());

        CliRunner.Run again = cli.run("init");
        assertEquals(1, again.exitCode());
        assertEquals("gatekey: already initialised; use 'gatekey accounts create' for another account\n", again.err());
        assertEquals("", again.out());
    }

    @Test
    void tablesAreAlignedForPeople() {
        init();
        newUser("alice");
        newUser("bob");
        String table = ok("users", "list").out();
        String[] lines = table.split("\n");
        assertEquals(3, lines.length);
        assertTrue(lines[0].startsWith("USERID"));
        assertEquals(lines[1].indexOf("alice"), lines[2].indexOf("bob"));
    }

    @Test
    void accountsAndAliases() {
        String first = init();
        CliRunner.Run created = ok("accounts", "create", "Globex", "-o", "json");
        String second = field(created.out(), "accountId");
        assertEquals(2, ok("accounts", "list", "-o", "json").out().split("\"accountId\"").length - 1);

        CliRunner.Run ambiguous = cli.run("users", "create", "alice");
        assertEquals(2, ambiguous.exitCode());
        assertEquals("gatekey: --account: required: there are 2 accounts\n", ambiguous.err());

        ok("accounts", "alias", "set", "examplecorp", "--account", first);
        assertEquals("examplecorp", field(ok("accounts", "alias", "show", "--account", first, "-o", "json").out(), "loginAlias"));
        CliRunner.Run taken = cli.run("accounts", "alias", "set", "examplecorp", "--account", second);
        assertEquals(1, taken.exitCode());
        assertEquals("gatekey: the login alias is used by another account\n", taken.err());
        CliRunner.Run bad = cli.run("accounts", "alias", "set", "Bad!", "--account", first);
        assertEquals(2, bad.exitCode());
        assertEquals("gatekey: loginAlias: 3-20 characters using lowercase English letters and numbers\n", bad.err());
    }

    @Test
    void theConsoleSignInIsSetForAUser() {
        init();
        String alice = newUser("alice");
        ok("accounts", "alias", "set", "examplecorp");
        CliRunner.Run run = ok("users", "console", alice, "--access", "on", "--mfa-mandatory", "on", "--password-reset", "on",
                "--permit-ip", "203.0.113.0/24", "--generate-password");
        assertTrue(run.out().startsWith("Console for " + alice + ": access on, MFA mandatory, password reset due, from 1 range(s), password set.\n"),
                run.out());
        String password = run.out().substring(run.out().indexOf("Password (shown once): ") + 23).strip();
        io.gatekey.domain.account.ConsolePassword.of(password);
        var user = environment.useCases().getSubAccount().get(new io.gatekey.application.port.in.account.GetSubAccountUseCase.Command(
                new io.gatekey.domain.access.Principal.Operator(), new io.gatekey.domain.account.SubAccountId(alice)));
        assertTrue(user.profile().canConsoleAccess() && user.profile().mfaMandatory() && user.profile().needPasswordReset());
        var signIn = environment.useCases().signInToConsole();
        var fromPermitted = signIn.signIn(new io.gatekey.application.port.in.console.SignInToConsoleUseCase.Command("examplecorp", "alice", password,
                io.gatekey.domain.account.IpRange.literal("203.0.113.9")));
        assertEquals(io.gatekey.domain.console.SignInStage.NEW_PASSWORD, ((io.gatekey.application.port.in.console.SignInToConsoleUseCase.Begun) fromPermitted).session().stage());
        var fromElsewhere = signIn.signIn(new io.gatekey.application.port.in.console.SignInToConsoleUseCase.Command("examplecorp", "alice", password,
                io.gatekey.domain.account.IpRange.literal("198.51.100.9")));
        assertTrue(fromElsewhere instanceof io.gatekey.application.port.in.console.SignInToConsoleUseCase.Refused);
        assertEquals("Console for " + alice + ": access off, MFA mandatory, password reset due, from anywhere.\n",
                ok("users", "console", alice, "--access", "off", "--any-ip").out());
        assertEquals(2, cli.run("users", "console", alice, "--generate-password", "--password-stdin").exitCode());
    }

    @Test
    void usersAreCreatedSwitchedAndDeleted() {
        init();
        String alice = newUser("alice");
        assertEquals("User " + alice + " is inactive.\n", ok("users", "deactivate", alice).out());
        assertTrue(ok("users", "list", "-o", "json").out().contains("\"active\" : false"));
        ok("users", "activate", alice);
        ok("users", "delete", alice);
        CliRunner.Run missing = cli.run("users", "delete", alice);
        assertEquals(1, missing.exitCode());
        assertEquals("gatekey: sub account not found: " + alice + "\n", missing.err());
        assertEquals(2, cli.run("users", "delete", "not/an/id").exitCode());
    }

    @Test
    void keysAreCreatedListedSwitchedAndLimited() {
        init();
        String alice = newUser("alice");
        CliRunner.Run created = ok("keys", "create", "--user", alice, "-o", "json");
        String key = field(created.out(), "accessKeyId");
        assertEquals(40, field(created.out(), "secretKey").length());
        ok("keys", "create", "--user", alice);
        CliRunner.Run third = cli.run("keys", "create", "--user", alice);
        assertEquals(1, third.exitCode());
        assertEquals("gatekey: at most 2 active access keys per owner\n", third.err());

        String listed = ok("keys", "list", "--user", alice, "-o", "json").out();
        assertFalse(listed.contains("secret"));
        assertEquals(2, listed.split("\"accessKeyId\"").length - 1);
        ok("keys", "deactivate", key);
        assertTrue(ok("keys", "list", "--user", alice, "-o", "json").out().contains("\"active\" : false"));
        ok("keys", "activate", key);
        ok("keys", "delete", key);
        assertEquals(1, ok("keys", "list", "--user", alice, "-o", "json").out().split("\"accessKeyId\"").length - 1);
        assertEquals(1, ok("keys", "list", "-o", "json").out().split("\"accessKeyId\"").length - 1);
    }

    @Test
    void mfaCreatePrintsSeedUriAndAQrCodeThatScans() throws Exception {
        init();
        String alice = newUser("alice");
        Path png = dir.resolve("alice.png");
        CliRunner.Run created = ok("mfa", "create", "--user", alice, "alice-phone", "--qr-png", png.toString());
        assertTrue(Pattern.compile("otpauthUri    otpauth://totp/Gatekey:alice%40[0-9a-f]{32}\\?secret=").matcher(created.out()).find(), created.out());
        assertTrue(created.out().contains("█"));
        assertTrue(created.out().contains("Scan it, then: gatekey mfa enable --user " + alice));
        String uri = created.out().lines().filter(l -> l.startsWith("otpauthUri")).findFirst().orElseThrow().substring(14);
        var image = ImageIO.read(png.toFile());
        String scanned = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
        assertEquals(uri, scanned);
    }

    @Test
    void aQrPngPathThatCannotBeWrittenRefusesBeforeTheDeviceIsCreated() {
        init();
        String alice = newUser("alice");
        CliRunner.Run refused = cli.run("mfa", "create", "--user", alice, "alice-phone", "--qr-png", dir.toString());
        assertEquals(1, refused.exitCode());
        assertEquals("gatekey: cannot write " + dir + ": is a directory\n", refused.err());
        assertEquals("[ ]\n", ok("mfa", "list", "--user", alice, "-o", "json").out(), "no device whose seed was never shown");
        ok("mfa", "create", "--user", alice, "alice-phone", "--qr-png", dir.resolve("alice.png").toString());
    }

    @Test
    void mfaLifecycle() {
        init();
        String alice = newUser("alice");
        String json = ok("mfa", "create", "--user", alice, "alice-phone", "-o", "json").out();
        String serial = field(json, "serialNumber");
        String seed = field(json, "base32Seed");
        assertTrue(field(json, "otpauthUri").matches("otpauth://totp/Gatekey:alice%40[0-9a-f]{32}\\?secret=" + seed + "&.*"), field(json, "otpauthUri"));

        CliRunner.Run wrong = cli.run("mfa", "enable", "--user", alice, serial, code(seed, -2), code(seed, 0));
        assertEquals(1, wrong.exitCode());
        assertEquals("gatekey: the device was not enabled: the codes are valid but not consecutive\n", wrong.err());
        ok("mfa", "enable", "--user", alice, serial, code(seed, -1), code(seed, 0));
        assertTrue(ok("mfa", "list", "-o", "json").out().contains("\"status\" : \"enabled\""));

        assertTrue(ok("mfa", "resync", "--user", alice, serial, code(seed, 3), code(seed, 4)).out().contains("drift 4 steps"));
        ok("mfa", "reset-drift", serial);
        ok("mfa", "unlock", serial);
        CliRunner.Run enabledDelete = cli.run("mfa", "delete", "--user", alice, serial);
        assertEquals(1, enabledDelete.exitCode());
        assertEquals("gatekey: the MFA device is enabled; disable it first\n", enabledDelete.err());
        ok("mfa", "disable", "--user", alice, serial);
        ok("mfa", "delete", "--user", alice, serial);
        assertEquals("SERIALNUMBER  USERID  TYPE  STATUS  LOCKEDUNTIL  DRIFTSTEPS\n", ok("mfa", "list").out());
    }

    @Test
    void hardwareTokensAreImportedFromTheirSeed() throws Exception {
        init();
        String alice = newUser("alice");
        Path seedFile = dir.resolve("seed.txt");
        Files.writeString(seedFile, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP\n");
        String json = ok("mfa", "import-hardware", "--user", alice, "token-0042", "--seed-file", seedFile.toString(),
                "--digits", "8", "--period", "60", "--algorithm", "SHA256", "-o", "json").out();
        assertEquals("hardware", field(json, "type"));
        assertEquals("pending", field(json, "status"));
        String serial = field(json, "serialNumber");
        TotpParameters parameters = new TotpParameters(TotpAlgorithm.SHA256, 8, 60);
        TotpSeed seed = TotpSeed.fromBase32("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
        long step = Totp.stepAt(clock.instant(), 60);
        ok("mfa", "enable", "--user", alice, serial, Totp.code(seed, parameters, step - 1), Totp.code(seed, parameters, step));
        String issued = ok("credentials", "issue", "--user", alice, "--type", "hardware", "--code", Totp.code(seed, parameters, step + 1), "-o", "json").out();
        assertEquals(serial, field(issued, "mfaSerialNumber"));
        assertEquals(2, cli.run("mfa", "import-hardware", "--user", alice, "t2", "--seed", "X", "--digits", "7").exitCode());
    }

    @Test
    void credentialsAreIssuedListedAndRevoked() {
        init();
        String alice = newUser("alice");
        String json = ok("mfa", "create", "--user", alice, "alice-phone", "-o", "json").out();
        String serial = field(json, "serialNumber");
        String seed = field(json, "base32Seed");
        ok("mfa", "enable", "--user", alice, serial, code(seed, -1), code(seed, 0));

        String withMfa = ok("credentials", "issue", "--user", alice, "--code", code(seed, 1), "--duration", "900", "-o", "json").out();
        assertEquals(serial, field(withMfa, "mfaSerialNumber"));
        assertEquals(64, field(withMfa, "sessionToken").length());
        assertEquals(clock.instant().plusSeconds(900).toString(), field(withMfa, "expiresAt"));
        CliRunner.Run replay = cli.run("credentials", "issue", "--user", alice, "--code", code(seed, 1));
        assertEquals(1, replay.exitCode());
        assertEquals("gatekey: MFA check failed: a code was used already\n", replay.err());
        String plain = field(ok("credentials", "issue", "--user", alice, "-o", "json").out(), "accessKeyId");
        assertEquals(2, cli.run("credentials", "issue", "--user", alice, "--duration", "59").exitCode());

        assertEquals("1", field(ok("credentials", "revoke", "--device", serial, "-o", "json").out(), "revoked"));
        assertEquals("1", field(ok("credentials", "revoke", plain, "-o", "json").out(), "revoked"));
        assertEquals("0", field(ok("credentials", "revoke", "--user", alice, "-o", "json").out(), "revoked"));
        assertEquals(2, ok("credentials", "list", "--user", alice, "-o", "json").out().split("\"revoked\" : true").length - 1);
        assertEquals(2, cli.run("credentials", "revoke", plain, "--user", alice).exitCode());

        String audit = ok("audit", "--type", "CREDENTIALS_REVOKED", "-o", "json").out();
        assertEquals(3, audit.split("\"type\" : \"CREDENTIALS_REVOKED\"").length - 1);
        assertEquals(1, ok("audit", "--type", "mfa_code_replayed", "--since", clock.instant().minus(Duration.ofMinutes(1)).toString(), "-o", "json")
                .out().split("\"type\"").length - 1);
        assertEquals(2, cli.run("audit", "--since", "yesterday").exitCode());
        String alicesTrail = ok("audit", "--user", alice, "-o", "json").out();
        assertTrue(alicesTrail.contains("\"type\" : \"CREDENTIALS_ISSUED\""));
        assertTrue(alicesTrail.contains("\"type\" : \"MFA_DEVICE_ENABLED\""));
        assertFalse(alicesTrail.contains("\"type\" : \"ACCOUNT_CREATED\""));
    }

    @Test
    void theAuditTrailVerifiesAndAnExportVerifiesAgainUntilItIsEdited() throws Exception {
        init();
        String alice = field(ok("users", "create", "alice", "-o", "json").out(), "userId");
        ok("keys", "create", "--user", alice);
        clock.advance(Duration.ofSeconds(5));
        ok("users", "deactivate", alice);

        CliRunner.Run whole = ok("audit", "verify");
        assertTrue(whole.out().matches("The audit trail is whole: \\d+ event\\(s\\) in [23] chain\\(s\\)\\.\n"), whole.out());
        long events = Long.parseLong(whole.out().replaceAll("\\D*(\\d+) event.*\\s*", "$1"));

        String export = ok("audit", "export", "--since", "2026-01-01T00:00:00Z").out();
        List<String> lines = export.lines().toList();
        assertEquals(events, lines.size());
        for (String line : lines) {
            assertTrue(line.contains("\"door\":\"" + auditDoor() + "\""), line);
        }
        assertTrue(lines.get(0).contains("\"type\":\"ACCOUNT_CREATED\""), lines.get(0));
        assertTrue(lines.get(lines.size() - 1).contains("\"type\":\"SUB_ACCOUNT_DEACTIVATED\""), export);
        assertTrue(lines.get(lines.size() - 1).contains("\"at\":\"" + clock.instant() + "\""), export);
        assertEquals(List.of(), ok("audit", "export", "--since", clock.instant().plusSeconds(1).toString()).out().lines().toList());
        assertEquals(lines.subList(0, lines.size() - 1),
                ok("audit", "export", "--since", "2026-01-01T00:00:00Z", "--until", clock.instant().toString()).out().lines().toList());

        Path file = dir.resolve("audit.jsonl");
        Files.writeString(file, export);
        assertEquals("The audit trail is whole: " + events + " event(s) in " + whole.out().replaceAll(".* in (\\d+) chain.*\\s*", "$1") + " chain(s).\n",
                ok("audit", "verify", "--file", file.toString()).out());
        // An excerpt verifies from where each chain starts in it.
        Files.writeString(file, String.join("\n", lines.subList(2, lines.size())) + "\n");
        assertEquals(0, cli.run("audit", "verify", "--file", file.toString()).exitCode());

        String keyLine = lines.stream().filter(l -> l.contains("ACCESS_KEY_CREATED") && l.contains(alice)).findFirst().orElseThrow();
        Files.writeString(file, export.replace(keyLine, keyLine.replace("\"detail\":\"user ", "\"detail\":\"admin ")));
        assertFalse(Files.readString(file).equals(export), "the test edited the export");
        CliRunner.Run edited = cli.run("audit", "verify", "--file", file.toString());
        assertEquals(1, edited.exitCode(), edited.out() + edited.err());
        String keyId = field(keyLine.replace("\":", "\" : "), "id");
        assertTrue(edited.err().matches("gatekey: the audit trail is broken: chain user:" + alice + "@[^ ]+ at seq 2 \\(event " + keyId
                + "\\): its content does not match its hash: the event was changed\n"), edited.err());

        Files.writeString(file, export.replace(keyLine + "\n", ""));
        CliRunner.Run removed = cli.run("audit", "verify", "--file", file.toString());
        assertEquals(1, removed.exitCode());
        assertTrue(removed.err().contains("1 event(s) before it are missing (from seq 2)"), removed.err());

        Files.writeString(file, "{\"id\":1}\n");
        CliRunner.Run garbage = cli.run("audit", "verify", "--file", file.toString());
        assertEquals(1, garbage.exitCode());
        assertEquals("gatekey: line 1 is not an audit event: field atMs is missing or not a number\n", garbage.err());
        assertEquals(2, cli.run("audit", "export").exitCode());
        assertEquals(2, cli.run("audit", "export", "--since", "last week").exitCode());
        assertEquals(1, cli.run("audit", "verify", "--file", dir.resolve("missing.jsonl").toString()).exitCode());
    }

    @Test
    void aFileThatCannotBeReadIsToldInWords() throws Exception {
        init();
        String alice = newUser("alice");
        Path missing = dir.resolve("missing.txt");
        Path latin1 = dir.resolve("latin1.txt");
        Files.write(latin1, new byte[] {'J', 'B', (byte) 0xE9, '\n'});
        for (Path file : List.of(missing, dir, latin1)) {
            String why = file == missing ? "no such file" : file == dir ? "is a directory" : "not UTF-8 text";
            CliRunner.Run audit = cli.run("audit", "verify", "--file", file.toString());
            CliRunner.Run seed = cli.run("mfa", "import-hardware", "--user", alice, "token-0042", "--seed-file", file.toString());
            for (CliRunner.Run run : List.of(audit, seed)) {
                assertEquals(1, run.exitCode());
                assertEquals("gatekey: cannot read " + file + ": " + why + "\n", run.err());
            }
        }
        assertEquals("SERIALNUMBER  USERID  TYPE  STATUS  LOCKEDUNTIL  DRIFTSTEPS\n", ok("mfa", "list").out());
    }

    @Test
    void badUsageIsExitTwoWithOneLine() {
        CliRunner.Run unknown = cli.run("users", "create", "--colour", "blue");
        assertEquals(2, unknown.exitCode());
        assertEquals(1, unknown.err().lines().count(), unknown.err());
        assertTrue(unknown.err().startsWith("gatekey: Unknown option: '--colour'"));
        assertEquals(2, cli.run("mfa", "create", "phone").exitCode());
        assertEquals(2, cli.run("nonsense").exitCode());
        assertEquals(2, cli.run("users", "list", "-o", "yaml").exitCode());
    }

    @Test
    void everyCommandHasHelpWithExamplesThatDescribesEachArgument() {
        List<String> faults = commandsUnder(GatekeyCli.commandLine(environment)).flatMap(CliCommandsContract::helpFaults).toList();
        assertEquals(List.of(), faults);
        CliRunner.Run help = ok("mfa", "create", "--help");
        assertTrue(help.out().contains("Usage: gatekey mfa create"));
        assertTrue(help.out().contains("--qr-png"));
    }

    private static Stream<CommandLine> commandsUnder(CommandLine command) {
        return Stream.concat(Stream.of(command), command.getSubcommands().values().stream().distinct().flatMap(CliCommandsContract::commandsUnder));
    }

    /**
     * What is wrong with one command's help: a command without examples, an option or parameter without a description, a
     * description line that stops mid-sentence, an example that is wrapped over two lines (so it no longer pastes) or is not
     * a valid format string (picocli then warns).
     */
    private static Stream<String> helpFaults(CommandLine command) {
        CommandSpec spec = command.getCommandSpec();
        String name = spec.qualifiedName();
        List<String> faults = new ArrayList<>();
        String[] examples = spec.usageMessage().footer();
        if (command.getSubcommands().isEmpty() && !name.endsWith("generate-completion") && examples.length == 0) {
            faults.add(name + " has no examples");
        }
        Stream.concat(spec.options().stream(), spec.positionalParameters().stream())
                .filter(argument -> String.join("", argument.description()).isBlank())
                .forEach(argument -> faults.add(name + ": " + (argument instanceof OptionSpec option ? option.longestName() : argument.paramLabel())
                        + " has no description"));
        // picocli starts each element of a description on a line of its own: one that stops mid-sentence breaks the text.
        Stream.concat(Stream.of(spec.usageMessage().description()),
                        Stream.concat(spec.options().stream(), spec.positionalParameters().stream()).flatMap(argument -> Stream.of(argument.description())))
                .filter(line -> !line.isBlank() && !line.strip().matches("(?s).*[.:)!?]"))
                .forEach(line -> faults.add(name + ": the description line '" + line + "' stops mid-sentence"));
        List<String> usage = command.getUsageMessage(CommandLine.Help.Ansi.OFF).lines().toList();
        for (String example : examples) {
            try {
                if (!usage.contains(String.format(example))) {
                    faults.add(name + ": the example '" + example + "' is wrapped");
                }
            } catch (IllegalFormatException e) {
                faults.add(name + ": the example '" + example + "' is not a format string (" + e.getMessage() + ")");
            }
        }
        return faults.stream();
    }

    @Test
    void aCompletionScriptIsGenerated() {
        String script = ok("generate-completion").out();
        assertTrue(script.contains("complete -F _complete_gatekey"), script.substring(0, Math.min(200, script.length())));
        assertTrue(script.contains("import-hardware"));
    }

    @Test
    void aUserIsNamedByItsLoginIdAsWellAsItsId() {
        init();
        String alice = newUser("alice");
        String bob = newUser("bob");
        String key = ok("keys", "create", "--user", "alice", "-o", "json").out();
        assertEquals(alice, field(key, "userId"));
        assertEquals(1, ok("keys", "list", "--user", "alice", "-o", "json").out().split("\"accessKeyId\"").length - 1);
        assertEquals("[ ]\n", ok("keys", "list", "--user", bob, "-o", "json").out());

        String device = ok("mfa", "create", "--user", "alice", "alice-phone", "-o", "json").out();
        assertEquals(alice, field(device, "userId"));
        String seed = field(device, "base32Seed");
        ok("mfa", "enable", "--user", "alice", field(device, "serialNumber"), code(seed, -1), code(seed, 0));
        assertEquals(alice, field(ok("mfa", "list", "--user", "alice", "-o", "json").out(), "userId"));

        assertEquals("User bob is inactive.\n", ok("users", "deactivate", "bob").out());
        assertTrue(ok("users", "list", "-o", "json").out().contains("\"active\" : false"));
        ok("users", "delete", "bob");
        assertFalse(ok("users", "list", "-o", "json").out().contains("\"bob\""));
        assertTrue(ok("audit", "--user", bob, "-o", "json").out().contains("SUB_ACCOUNT_DELETED"), "a deleted user's events, by its id");
        assertTrue(ok("audit", "--user", "alice", "-o", "json").out().contains("MFA_DEVICE_ENABLED"));

        CliRunner.Run missing = cli.run("keys", "list", "--user", "bob");
        assertEquals(1, missing.exitCode());
        assertEquals("gatekey: sub account not found: bob\n", missing.err());
        CliRunner.Run malformed = cli.run("keys", "list", "--user", "bob smith");
        assertEquals(2, malformed.exitCode());
        assertEquals("gatekey: user: a user's id, or its login id\n", malformed.err());
    }

    @Test
    void aLoginIdInSeveralAccountsNeedsTheAccountOrTheId() {
        String first = init();
        String second = field(ok("accounts", "create", "Globex", "-o", "json").out(), "accountId");
        String inFirst = field(ok("users", "create", "carol", "--account", first, "-o", "json").out(), "userId");
        String inSecond = field(ok("users", "create", "carol", "--account", second, "-o", "json").out(), "userId");

        CliRunner.Run unscoped = cli.run("keys", "create", "--user", "carol");
        assertEquals(2, unscoped.exitCode());
        assertEquals("gatekey: --account: required with a login id: there are 2 accounts (or give the user's id)\n", unscoped.err());
        assertEquals(inSecond, field(ok("keys", "create", "--user", "carol", "--account", second, "-o", "json").out(), "userId"));
        assertEquals("User carol is inactive.\n", ok("users", "deactivate", "carol", "--account", first).out());
        assertTrue(ok("users", "list", "--account", first, "-o", "json").out().contains("\"active\" : false"));
        assertFalse(ok("users", "list", "--account", second, "-o", "json").out().contains("\"active\" : false"));
        assertEquals(inFirst, field(ok("keys", "create", "--user", inFirst, "-o", "json").out(), "userId"));
        CliRunner.Run elsewhere = cli.run("keys", "list", "--user", inFirst, "--account", second);
        assertEquals(1, elsewhere.exitCode(), "an id names no user of another account");
        assertEquals("gatekey: sub account not found: " + inFirst + "\n", elsewhere.err());

        String device = ok("mfa", "create", "--user", inSecond, "carol-phone", "-o", "json").out();
        String seed = field(device, "base32Seed");
        ok("mfa", "enable", "--user", "carol", field(device, "serialNumber"), code(seed, -1), code(seed, 0));
        assertEquals(inSecond, field(ok("mfa", "list", "--user", "carol", "--account", second, "-o", "json").out(), "userId"),
                "a device's serial number names its account");
    }

    @Test
    void theEnrolmentFlowAnOperatorFollows() {
        init();
        String alice = newUser("alice");
        String key = ok("keys", "create", "--user", alice, "-o", "json").out();
        assertTrue(field(key, "accessKeyId").startsWith("GKAK"));
        String device = ok("mfa", "create", "--user", alice, "alice-phone", "-o", "json").out();
        String serial = field(device, "serialNumber");
        String seed = field(device, "base32Seed");
        ok("mfa", "enable", "--user", alice, serial, code(seed, -1), code(seed, 0));
        clock.advance(Duration.ofSeconds(30));
        String credentials = ok("credentials", "issue", "--user", alice, "--serial", serial, "--code", code(seed, 0), "-o", "json").out();
        assertTrue(field(credentials, "accessKeyId").startsWith("GKST"));
        assertEquals(serial, field(credentials, "mfaSerialNumber"));
    }

}
