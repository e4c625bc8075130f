package io.gatekey.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default's generated database password: made once, owner-only, and a file that cannot be used is told as such. */
class EmbeddedDatabaseGuardTest {

    @TempDir
    Path dataDir;

    @Test
    void thePasswordIsMadeOnceOwnerOnlyAndReadAfter() throws Exception {
        Path file = dataDir.resolve("db.password");
        String password = EmbeddedDatabaseGuard.password(file);
        assertTrue(password.matches("[A-Za-z0-9_-]{43}"), password);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(password, EmbeddedDatabaseGuard.password(file));
    }

    @Test
    void processesStartingTogetherAllGetThePasswordThatWasMade() throws Exception {
        for (int round = 0; round < 20; round++) {
            Path file = Files.createDirectory(dataDir.resolve("round-" + round)).resolve("db.password");
            List<String> passwords = MasterKeyFactoryTest.together(4, () -> EmbeddedDatabaseGuard.password(file));
            assertEquals(Set.of(Files.readString(file).strip()), Set.copyOf(passwords));
            assertEquals(43, passwords.get(0).length());
            try (var files = Files.list(file.getParent())) {
                assertEquals(List.of("db.password"), files.map(f -> f.getFileName().toString()).toList(), "no draft left behind");
            }
        }
    }

    @Test
    void filesInTheFolderLoseWhatOthersMayDoAndKeepWhatTheOwnerMay() throws Exception {
        Path open = Files.writeString(dataDir.resolve("gatekey.trace.db"), "");
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
        Path readOnly = Files.writeString(dataDir.resolve("master.key"), "");
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r--------"));
        Path groupWritable = Files.writeString(dataDir.resolve("db.password"), "");
        Files.setPosixFilePermissions(groupWritable, PosixFilePermissions.fromString("r--rw----"));

        EmbeddedDatabaseGuard.tightenFiles(dataDir);

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(open)));
        assertEquals("r--------", PosixFilePermissions.toString(Files.getPosixFilePermissions(readOnly)), "a read-only key file stays read-only");
        assertEquals("r--------", PosixFilePermissions.toString(Files.getPosixFilePermissions(groupWritable)));
    }

    @Test
    void aPasswordFileThatCannotBeReadIsToldWithItsPathAndReason() throws Exception {
        Path file = Files.createDirectory(dataDir.resolve("db.password"));
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> EmbeddedDatabaseGuard.password(file));
        assertEquals("Cannot read or create the embedded database's password file " + file + ": is a directory.", refused.getMessage());
    }
}
