package io.gatekey.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.gatekey.application.port.out.SecretSealer;
import io.gatekey.domain.secret.SealedSecret;
import io.gatekey.domain.secret.SecretIntegrityException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** A node follows its key file when another process rotates it, and says once which version it lacks. */
class MasterKeySealerTest {

    private static final String H2 = "jdbc:h2:file:./data/gatekey";
    private static final String V1 = "1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final String V2 = "2:Hx4dHBsaGRgXFhUUExIREA8ODQwLCgkIBwYFBAMCAQA=";
    private static final byte[] PLACE = "access_key/GKAK1/secret".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SECRET = "the secret".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dataDir;

    private final Logger logger = (Logger) LoggerFactory.getLogger(MasterKeySealer.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private Level level;

    @BeforeEach
    void capture() {
        level = logger.getLevel();
        logger.setLevel(Level.INFO);
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void release() {
        logger.detachAppender(logged);
        logger.setLevel(level);
    }

    private SecretSealer sealer(String inlineKeys, String keyFile, int activeVersion) {
        return new MasterKeyFactory().secretSealer(inlineKeys, keyFile, activeVersion, dataDir.toString(), H2);
    }

    @Test
    void aServingNodeTakesTheVersionsOfItsKeyFileWhenARowIsSealedUnderOneItHadNotRead() {
        SecretSealer serving = sealer("", "", 0);
        SealedSecret underOne = serving.seal(SECRET, PLACE);
        assertEquals(1, underOne.keyVersion());

        // `gatekey master-key rotate`, another process on the same data folder: a new version, and the rows re-sealed under it.
        assertEquals(2, MasterKeyFile.appendNewVersion(dataDir.resolve("master.key")));
        SealedSecret underTwo = sealer("", "", 0).seal(SECRET, PLACE);
        assertEquals(2, underTwo.keyVersion());

        assertArrayEquals(SECRET, serving.open(underTwo, PLACE));
        assertEquals(2, serving.currentKeyVersion(), "new secrets are sealed under the new version, as after a restart");
        assertEquals(2, serving.seal(SECRET, PLACE).keyVersion());
        assertArrayEquals(SECRET, serving.open(underOne, PLACE), "the old version still opens while the file holds it");
        assertEquals(List.of("Read the master key file " + dataDir.resolve("master.key").toAbsolutePath()
                + " again, for a value sealed under version 2: it holds versions [1, 2], version 2 seals."), messages(Level.INFO));
    }

    @Test
    void aVersionTheKeyFileDoesNotHoldIsRefusedAndToldOnce() throws Exception {
        Path file = dataDir.resolve("keys");
        Files.writeString(file, V1 + "\n");
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        SecretSealer serving = sealer("", file.toString(), 0);
        SealedSecret underTwo = sealer(V2, "", 0).seal(SECRET, PLACE);

        for (int i = 0; i < 3; i++) {
            assertThrows(SecretIntegrityException.class, () -> serving.open(underTwo, PLACE));
        }
        assertEquals(List.of("Stored secrets are sealed under master key version 2, which this node does not have (the key file "
                + file.toAbsolutePath() + " holds [1]): it refuses every one of them until it is given that version."), messages(Level.ERROR));
        assertEquals(1, messages(Level.INFO).size(), "the file was read once; unchanged, it is not read again");

        Files.writeString(file, V1 + "\n" + V2 + "\n");
        assertArrayEquals(SECRET, serving.open(underTwo, PLACE));
    }

    @Test
    void aKeyFileDamagedWhileServingLeavesTheVersionsReadBeforeInUseAndIsToldOnce() throws Exception {
        Path file = dataDir.resolve("keys");
        Files.writeString(file, V1 + "\n");
        SecretSealer serving = sealer("", file.toString(), 0);
        SealedSecret underOne = serving.seal(SECRET, PLACE);
        SealedSecret underTwo = sealer(V2, "", 0).seal(SECRET, PLACE);
        Files.writeString(file, V1 + "\n2:half a key\n");

        for (int i = 0; i < 3; i++) {
            assertThrows(SecretIntegrityException.class, () -> serving.open(underTwo, PLACE));
        }
        assertArrayEquals(SECRET, serving.open(underOne, PLACE));
        assertEquals(1, serving.currentKeyVersion());
        assertEquals(List.of("The master key file " + file.toAbsolutePath() + " holds no usable key (masterKey: Base64 of 32 random bytes); restore it "
                + "from its backup. Each line is version:base64, the Base64 of 32 random bytes. The versions read before, [1], stay in use."),
                messages(Level.WARN));
    }

    @Test
    void aPinnedActiveVersionStaysPinnedWhenTheFileIsReadAgain() throws Exception {
        Path file = dataDir.resolve("keys");
        Files.writeString(file, V1 + "\n");
        SecretSealer serving = sealer("", file.toString(), 1);
        Files.writeString(file, V1 + "\n" + V2 + "\n");
        assertArrayEquals(SECRET, serving.open(sealer(V2, "", 0).seal(SECRET, PLACE), PLACE));
        assertEquals(1, serving.currentKeyVersion());
    }

    @Test
    void keysFromTheEnvironmentReadNoFileAndTellTheMissingVersion() {
        SecretSealer serving = sealer(V1, "", 0);
        assertTrue(Files.notExists(dataDir.resolve("master.key")));
        SealedSecret underTwo = sealer(V2, "", 0).seal(SECRET, PLACE);
        assertThrows(SecretIntegrityException.class, () -> serving.open(underTwo, PLACE));
        assertThrows(SecretIntegrityException.class, () -> serving.open(underTwo, PLACE));
        assertEquals(List.of("Stored secrets are sealed under master key version 2, which this node does not have (GATEKEY_MASTER_KEY holds [1]): "
                + "it refuses every one of them until it is given that version."), messages(Level.ERROR));
        assertTrue(Files.notExists(dataDir.resolve("master.key")));
    }

    private List<String> messages(Level level) {
        return logged.list.stream().filter(event -> event.getLevel() == level).map(ILoggingEvent::getFormattedMessage).toList();
    }
}
