package io.gatekey.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
    void aPasswordFileThatCannotBeReadIsToldWithItsPathAndReason() throws Exception {
        Path file = Files.createDirectory(dataDir.resolve("db.password"));
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> EmbeddedDatabaseGuard.password(file));
        assertEquals("Cannot read or create the embedded database's password file " + file + ": is a directory.", refused.getMessage());
    }
}
