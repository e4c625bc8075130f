package io.gatekey.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatekey.adapter.cli.CliRunner;
import io.gatekey.adapter.persistence.Enrolment;
import io.gatekey.adapter.persistence.MasterKeyCanary;
import io.gatekey.adapter.persistence.PersistentGatekey;
import io.gatekey.adapter.persistence.TestDatabases;
import io.gatekey.app.GatekeyTestAccess;
import io.gatekey.application.port.in.credential.IssueTemporaryCredentialsUseCase;
import io.gatekey.application.testing.MutableClock;
import io.gatekey.domain.mfa.MfaCheck;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An embedding program, the server and the CLI on one database at the same time: a device enrolled through the
 * embedded API serves at the NCP door at once, and a code accepted by one is refused by the other.
 */
class SharedDatabaseTest {

    private static final String MFA_FAILED = "{\"error\":{\"errorCode\":\"401\",\"message\":\"MultiFactorAuthentication failed with invalid MFA one time pass code\"}}";

    @TempDir
    Path folder;

    private final MutableClock clock = new MutableClock(Instant.now());


    /** Codes cross between the embedded API and the NCP door, each accepted once. */
    private void codesAreSharedAndAcceptedOnce(Enrolment enrolled, TestServer server) {
        NcpClient alice = new NcpClient(server, enrolled.key().id().value(), enrolled.key().secret().reveal());
        String body = "{\"serialNumber\":\"" + enrolled.serial() + "\",\"tokenCode\":\"%s\"}";
        String first = enrolled.code(1);
        assertEquals(200, alice.send("POST", "/api/v1/credentials", body.formatted(first)).statusCode(), "enrolled embedded, used at the door");
        assertEquals(MfaCheck.Reason.REPLAYED, assertInstanceOf(IssueTemporaryCredentialsUseCase.MfaRejected.class,
                enrolled.issue(first)).reason(), "accepted at the door, refused embedded");
        clock.advance(Duration.ofSeconds(30));
        String second = enrolled.code(1);
        assertInstanceOf(IssueTemporaryCredentialsUseCase.Issued.class, enrolled.issue(second));
        var refused = alice.send("POST", "/api/v1/credentials", body.formatted(second));
        assertEquals(401, refused.statusCode(), "accepted embedded, refused at the door");
        assertEquals(MFA_FAILED, refused.body());
    }

    /** The embedded library on the embedded default's folder, a user enrolled through it, and a server on the same folder. */
    private void libraryAndServerOnOneFolder(Path data, BiConsumer<Enrolment, TestServer> use) {
        try (PersistentGatekey gatekey = PersistentGatekey.inFolder(data).clock(clock).open()) {
            Enrolment enrolled = Enrolment.of(gatekey, clock);
            // The server on the same folder: the embedded default's URL, key file and password file.
            TestDatabases.Database database = new TestDatabases.Database(PersistentGatekey.h2Url(data), "sa", "", "org.h2.Driver");
            try (TestServer server = new TestServer(database, Map.of("gatekey.data-dir", data.toString(), "gatekey.master-key", ""), clock)) {
                use.accept(enrolled, server);
            }
        }
    }

    @Test
    void onTheEmbeddedDefaultsFolderTheLibraryTheServerAndTheCliShareOneH2Database() {
        Path data = folder.resolve("data");
        libraryAndServerOnOneFolder(data, (enrolled, server) -> {
            codesAreSharedAndAcceptedOnce(enrolled, server);
            try (var cli = GatekeyTestAccess.environment(Map.of("gatekey.data-dir", data.toString()), clock)) {
                String users = new CliRunner(cli).run("users", "list", "--account", enrolled.account().value(), "-o", "json").out();
                assertTrue(users.contains("\"alice\""), users);
                String devices = new CliRunner(cli).run("mfa", "list", "--user", enrolled.user().id().value(), "-o", "json").out();
                assertTrue(devices.contains(enrolled.serial().value()), devices);
            }
        });
    }

    @Test
    void aMasterKeyRotatedThroughTheCliIsFollowedByTheRunningServerAndLibrary() {
        Path data = folder.resolve("data");
        libraryAndServerOnOneFolder(data, (enrolled, server) -> {
            MasterKeyCanary canary = server.context.getBean(MasterKeyCanary.class);
            assertTrue(canary.opens(), "the canary is sealed under version 1");
            try (var cli = GatekeyTestAccess.environment(Map.of("gatekey.data-dir", data.toString()), clock)) {
                CliRunner.Run rotated = new CliRunner(cli).run("master-key", "rotate", "-o", "json");
                assertEquals(0, rotated.exitCode(), rotated.err());
                assertTrue(rotated.out().matches("(?s).*\"activeVersion\"\\s*:\\s*2\\b.*"), rotated.out());
            }
            // Every row is now sealed under version 2, which neither the server nor the library had read at its start.
            assertTrue(canary.opens(), "the server's readiness check opens the re-sealed canary");
            NcpClient alice = new NcpClient(server, enrolled.key().id().value(), enrolled.key().secret().reveal());
            var issued = alice.send("POST", "/api/v1/credentials", "{\"serialNumber\":\"" + enrolled.serial() + "\",\"tokenCode\":\"" + enrolled.code(1) + "\"}");
            assertEquals(200, issued.statusCode(), issued.body());
            clock.advance(Duration.ofSeconds(30));
            assertInstanceOf(IssueTemporaryCredentialsUseCase.Issued.class, enrolled.issue(enrolled.code(1)));
        });
    }

    @Test
    void onMariaDbTheLibraryAndTheServerShareOneDatabase() {
        TestDatabases.Database database = TestDatabases.newMariaDbDatabase();
        String masterKey = "1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
        try (TestServer server = new TestServer(database, Map.of("gatekey.master-key", masterKey), clock);
             PersistentGatekey gatekey = PersistentGatekey.onDatabase(database.url(), database.user(), database.password())
                     .masterKey(masterKey).clock(clock).open()) {
            codesAreSharedAndAcceptedOnce(Enrolment.of(gatekey, clock), server);
        }
    }
}
