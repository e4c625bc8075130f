package io.gatekey.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatekey.domain.secret.AesGcmSealer;
import io.gatekey.domain.shared.InvalidValueException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyFactoryTest {

    private static final String H2 = "jdbc:h2:file:./data/gatekey";
    private static final String MARIADB = "jdbc:mariadb://db.internal:3306/gatekey";
    private static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    @TempDir
    Path dataDir;

    @Test
    void anInlineKeyWinsAndABareValueIsVersionOne() {
        MasterKeyRing ring = MasterKeyFactory.loadRing(KEY, "", dataDir, MARIADB);
        assertEquals(1, ring.highestVersion());
        assertEquals(3, MasterKeyFactory.loadRing("1:" + KEY + ", 3:" + KEY, "", dataDir, MARIADB).highestVersion());
    }

    @Test
    void aMariaDbInstallationWithoutAKeyRefusesToStart() {
        MasterKeyMissingException e = assertThrows(MasterKeyMissingException.class, () -> MasterKeyFactory.loadRing("", "", dataDir, MARIADB));
        assertTrue(e.getMessage().contains("GATEKEY_MASTER_KEY"));
        assertTrue(Files.notExists(dataDir.resolve("master.key")));
    }

    @Test
    void theEmbeddedDatabaseCreatesAnOwnerOnlyKeyFileOnceAndReusesIt() throws Exception {
        MasterKeyRing first = MasterKeyFactory.loadRing("", "", dataDir, H2);
        Path file = dataDir.resolve("master.key");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(Files.readString(file, StandardCharsets.US_ASCII).matches("1:[A-Za-z0-9+/]{43}=\\n"));

        MasterKeyRing second = MasterKeyFactory.loadRing("", "", dataDir, H2);
        byte[] place = "access_key/x/secret".getBytes(StandardCharsets.US_ASCII);
        var sealed = new AesGcmSealer(first.keys(), new SecureRandom()).seal("secret".getBytes(StandardCharsets.US_ASCII), place);
        assertEquals("secret", new String(new AesGcmSealer(second.keys(), new SecureRandom()).open(sealed, place), StandardCharsets.US_ASCII));
    }

    @Test
    void aDraftLeftBehindByAStoppedProcessGoesAtTheNextReadAndOneAtWorkStays() throws Exception {
        MasterKeyFactory.loadRing("", "", dataDir, H2);
        Path file = dataDir.resolve("master.key");
        // A process stopped after linking its draft to the file: the draft is a second name of the key file.
        Path linked = dataDir.resolve(".master.key-81723.new");
        Files.createLink(linked, file);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofMinutes(5))));
        // A process stopped before linking it: the draft holds a key of its own. And one a process is writing now.
        Path unlinked = dataDir.resolve(".master.key-90211.new");
        Files.writeString(unlinked, "1:" + "A".repeat(43) + "=\n");
        Files.setLastModifiedTime(unlinked, FileTime.from(Instant.now().minus(Duration.ofMinutes(2))));
        Path atWork = dataDir.resolve(".master.key-12345.new");
        Files.writeString(atWork, "");
        Path passwordDraft = dataDir.resolve(".db.password-5512.new");
        Files.writeString(passwordDraft, "old\n");
        Files.setLastModifiedTime(passwordDraft, FileTime.from(Instant.now().minus(Duration.ofHours(1))));

        MasterKeyFactory.loadRing("", "", dataDir, H2);
        assertTrue(Files.notExists(linked));
        assertTrue(Files.notExists(unlinked));
        assertTrue(Files.exists(atWork), "a draft younger than a minute may be another process's at work");
        assertTrue(Files.exists(passwordDraft), "the key file's read removes only its own drafts");
        assertTrue(Files.readString(file, StandardCharsets.US_ASCII).matches("1:[A-Za-z0-9+/]{43}=\\n"), "the key file itself stays");
        EmbeddedDatabaseGuard.password(dataDir.resolve("db.password"));
        assertTrue(Files.notExists(passwordDraft));
    }

    @Test
    void processesStartingTogetherOnAFreshFolderAllGetTheOneKeyThatWasMade() throws Exception {
        for (int round = 0; round < 20; round++) {
            Path folder = dataDir.resolve("round-" + round);
            List<MasterKeyRing> rings = together(4, () -> MasterKeyFactory.loadRing("", "", folder, H2));
            byte[] place = "access_key/x/secret".getBytes(StandardCharsets.US_ASCII);
            var sealed = new AesGcmSealer(rings.get(0).keys(), new SecureRandom()).seal("secret".getBytes(StandardCharsets.US_ASCII), place);
            for (MasterKeyRing ring : rings) {
                assertEquals("secret", new String(new AesGcmSealer(ring.keys(), new SecureRandom()).open(sealed, place), StandardCharsets.US_ASCII));
            }
            try (var files = Files.list(folder)) {
                assertEquals(List.of("master.key"), files.map(file -> file.getFileName().toString()).toList(), "no draft left behind");
            }
        }
    }

    /** Runs {@code task} on {@code threads} threads released at once; every one must succeed. */
    static <T> List<T> together(int threads, java.util.concurrent.Callable<T> task) throws Exception {
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<T>> results = new java.util.ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> values = new java.util.ArrayList<>();
            for (var result : results) {
                values.add(result.get());
            }
            return values;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anEmbeddedDatabaseThatOutlivedItsKeyFileIsNotGivenANewKey() throws Exception {
        String url = "jdbc:h2:file:" + dataDir.resolve("gatekey") + ";MODE=MariaDB;AUTO_SERVER=TRUE";
        MasterKeyFactory.loadRing("", "", dataDir, url);
        Files.writeString(dataDir.resolve("gatekey.mv.db"), "the database, with secrets sealed under that key");
        Files.delete(dataDir.resolve("master.key"));

        MasterKeyMissingException e = assertThrows(MasterKeyMissingException.class, () -> MasterKeyFactory.loadRing("", "", dataDir, url));
        assertEquals("The embedded database " + dataDir.resolve("gatekey.mv.db") + " exists, but the master key file " + dataDir.resolve("master.key")
                + " that seals its secrets does not. Restore the key file from its backup; to start afresh instead, move the database files away as well.",
                e.getMessage());
        assertTrue(Files.notExists(dataDir.resolve("master.key")), "no new key was made");
    }

    @Test
    void aKeyFileIsReadAndANewVersionAppended() throws Exception {
        Path file = dataDir.resolve("keys");
        MasterKeyFile.create(file);
        assertEquals(2, MasterKeyFile.appendNewVersion(file));
        MasterKeyRing ring = MasterKeyFactory.loadRing("", file.toString(), dataDir, MARIADB);
        assertEquals(List.of(1, 2), ring.keys().stream().map(k -> k.version()).toList());
    }

    @Test
    void aKeyThatCannotBeUsedIsToldWithWhereItCameFrom() throws Exception {
        Path file = dataDir.resolve("master.key");
        Files.writeString(file, "1:AAEC\n");
        assertEquals("The master key file " + file + " holds no usable key (masterKey: exactly 32 bytes (256 bits)); restore it from its backup."
                + " Each line is version:base64, the Base64 of 32 random bytes.", refusal(() -> MasterKeyFactory.loadRing("", "", dataDir, H2)));
        assertEquals("The master key file " + file + " holds no usable key (masterKey: at least one key (Base64 of 32 random bytes)); restore it "
                + "from its backup. Each line is version:base64, the Base64 of 32 random bytes.", refusal(() -> {
                    Files.writeString(file, "\n");
                    MasterKeyFactory.loadRing("", file.toString(), dataDir, MARIADB);
                }));
        Files.delete(file);
        Files.createDirectory(file);
        assertEquals("Cannot read the master key file " + file + ": is a directory.", refusal(() -> MasterKeyFactory.loadRing("", "", dataDir, H2)));
        assertEquals("Cannot read the master key file " + dataDir.resolve("absent") + ": no such file.",
                refusal(() -> MasterKeyFactory.loadRing("", dataDir.resolve("absent").toString(), dataDir, MARIADB)));
        assertEquals("GATEKEY_MASTER_KEY (gatekey.master-key) holds no usable key (masterKey: Base64 of 32 random bytes). It holds version:base64 "
                + "entries, comma-separated, each the Base64 of 32 random bytes (for example: openssl rand -base64 32).",
                refusal(() -> MasterKeyFactory.loadRing("1:" + KEY + ",2:not base64!", "", dataDir, MARIADB)));
    }

    @Test
    void theKeyFileIsMadeInAnOwnerOnlyFolderAndAFileInTheFoldersPlaceIsToldAsSuch() throws Exception {
        Path folder = dataDir.resolve("srv/data");
        MasterKeyFactory.loadRing("", "", folder, H2);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("master.key"))));

        Path file = Files.writeString(dataDir.resolve("notes"), "not a folder");
        var permissions = Files.getPosixFilePermissions(file);
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> MasterKeyFactory.loadRing("", "", file, H2));
        assertEquals("The data folder " + file + " is a file; set gatekey.data-dir (GATEKEY_DATA_DIR) to a folder.", refused.getMessage());
        assertEquals(permissions, Files.getPosixFilePermissions(file), "left as it was");
        refused = assertThrows(IllegalStateException.class, () -> MasterKeyFactory.loadRing("", "", file.resolve("data"), H2));
        assertEquals("Cannot set up the data folder " + file.resolve("data") + ": not a directory.", refused.getMessage());
    }

    private static String refusal(org.junit.jupiter.api.function.Executable load) {
        return assertThrows(MasterKeyUnusableException.class, load).getMessage();
    }

    @Test
    void rotationsRunAtOnceByTwoProcessesEachTakeTheirOwnVersion() throws Exception {
        Path file = dataDir.resolve("keys");
        MasterKeyFile.create(file);
        List<Process> rotators = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            rotators.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
                    AppendKeyVersions.class.getName(), file.toString(), "15").redirectErrorStream(true).start());
        }
        for (Process rotator : rotators) {
            assertTrue(rotator.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(0, rotator.exitValue(), new String(rotator.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        // Parsing refuses a version that appears twice; every one of the 30 appended is there.
        assertEquals(java.util.stream.IntStream.rangeClosed(1, 31).boxed().toList(),
                MasterKeyFile.read(file).keys().stream().map(key -> key.version()).toList());
    }

    @Test
    void aNewVersionStartsALineOfItsOwnInAFileEditedWithoutAFinalLineBreak() throws Exception {
        Path file = Files.writeString(dataDir.resolve("keys"), "1:" + KEY);
        assertEquals(2, MasterKeyFile.appendNewVersion(file));
        assertEquals(List.of(1, 2), MasterKeyFile.read(file).keys().stream().map(key -> key.version()).toList());
    }

    @Test
    void aKeyFileOpenToOtherUsersIsToldOnceAndAReadOnlyOneNotAtAll() throws Exception {
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(MasterKeyFactory.class);
        var logged = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        logged.start();
        logger.addAppender(logged);
        try {
            Path readOnly = dataDir.resolve("read-only.key");
            MasterKeyFile.create(readOnly);
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r--------"));
            MasterKeyFactory.loadRing("", readOnly.toString(), dataDir, MARIADB);

            Path open = dataDir.resolve("open.key");
            MasterKeyFile.create(open);
            Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r-----"));
            MasterKeyFactory.loadRing("", open.toString(), dataDir, MARIADB);
            MasterKeyFactory.loadRing("", open.toString(), dataDir, MARIADB);
        } finally {
            logger.detachAppender(logged);
        }
        assertEquals(List.of("The master key file " + dataDir.resolve("open.key") + " is open to other users; restrict it to its owner (chmod 600)."),
                logged.list.stream().map(event -> event.getFormattedMessage()).toList());
    }

    @Test
    void malformedKeysAreRefused() {
        assertThrows(InvalidValueException.class, () -> MasterKeyRing.parse("not base64!"));
        assertThrows(InvalidValueException.class, () -> MasterKeyRing.parse("1:" + KEY + ",1:" + KEY));
        assertThrows(InvalidValueException.class, () -> MasterKeyRing.parse("1:AAEC"));
        assertThrows(InvalidValueException.class, () -> MasterKeyRing.parse(" "));
    }
}
