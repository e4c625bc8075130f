package io.gatekey.adapter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The QR PNG holds the seed: owner-only, and a link planted at its path is never followed. */
class QrCodesTest {

    @TempDir
    Path dir;

    @Test
    void thePngIsOwnerOnlyAndALinkAtItsPathIsReplacedNotFollowed() throws Exception {
        Path target = dir.resolve("someone-elses-file");
        Files.writeString(target, "untouched");
        Path png = dir.resolve("alice.png");
        Files.createSymbolicLink(png, target);

        try (QrCodes.PngFile file = QrCodes.PngFile.create(png)) {
            file.write("otpauth://totp/Gatekey:alice?secret=JBSWY3DPEHPK3PXP&issuer=Gatekey");
        }

        assertEquals("untouched", Files.readString(target));
        assertFalse(Files.isSymbolicLink(png));
        assertTrue(Files.isRegularFile(png, LinkOption.NOFOLLOW_LINKS));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(png)));
        byte[] head = Files.readAllBytes(png);
        assertEquals((byte) 0x89, head[0]);
        assertEquals('P', head[1]);
    }

    @Test
    void aFileNothingWasWrittenToIsRemovedAndAPathThatCannotBeWrittenIsToldInWords() throws Exception {
        Path png = dir.resolve("bob.png");
        try (QrCodes.PngFile unused = QrCodes.PngFile.create(png)) {
            assertTrue(Files.exists(png), "opened before the device is created");
        }
        assertFalse(Files.exists(png), "removed when no code was written");

        assertEquals("cannot write " + dir + ": is a directory", assertThrows(CliRefusal.class, () -> QrCodes.PngFile.create(dir)).getMessage());
        Path nowhere = dir.resolve("missing/bob.png");
        assertEquals("cannot write " + nowhere + ": no such folder", assertThrows(CliRefusal.class, () -> QrCodes.PngFile.create(nowhere)).getMessage());
    }
}
