package io.gatekey.domain.secret;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AesGcmSealerTest {

    private static final byte[] SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ROW_1 = "row-1".getBytes(StandardCharsets.US_ASCII);
    private final MasterKey v1 = new MasterKey(1, filled(1));
    private final MasterKey v2 = new MasterKey(2, filled(2));

    private static byte[] filled(int value) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) value);
        return key;
    }

    @Test
    void sealsUnderTheNewestKeyAndOpensAgain() {
        AesGcmSealer sealer = new AesGcmSealer(List.of(v1, v2), new SecureRandom());
        SealedSecret sealed = sealer.seal(SECRET, ROW_1);
        assertEquals(2, sealed.keyVersion());
        assertEquals(12 + SECRET.length + 16, sealed.sealed().length);
        assertFalse(new String(sealed.sealed(), StandardCharsets.ISO_8859_1).contains("JBSWY3DP"));
        assertArrayEquals(SECRET, sealer.open(sealed, ROW_1));
    }

    @Test
    void eachSealUsesAFreshNonce() {
        AesGcmSealer sealer = new AesGcmSealer(List.of(v1), new SecureRandom());
        assertNotEquals(sealer.seal(SECRET, ROW_1), sealer.seal(SECRET, ROW_1));
    }

    @Test
    void valuesSealedUnderAnOlderKeyStillOpen() {
        SealedSecret old = new AesGcmSealer(List.of(v1), new SecureRandom()).seal(SECRET, ROW_1);
        assertArrayEquals(SECRET, new AesGcmSealer(List.of(v2, v1), new SecureRandom()).open(old, ROW_1));
    }

    @Test
    void aValueMovedToAnotherRowDoesNotOpen() {
        AesGcmSealer sealer = new AesGcmSealer(List.of(v1), new SecureRandom());
        SealedSecret sealed = sealer.seal(SECRET, ROW_1);
        assertThrows(SecretIntegrityException.class, () -> sealer.open(sealed, "row-2".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void tamperedBytesOrAnUnknownKeyVersionDoNotOpen() {
        AesGcmSealer sealer = new AesGcmSealer(List.of(v1), new SecureRandom());
        byte[] bytes = sealer.seal(SECRET, ROW_1).sealed();
        bytes[20] ^= 1;
        assertThrows(SecretIntegrityException.class, () -> sealer.open(new SealedSecret(1, bytes), ROW_1));
        assertThrows(SecretIntegrityException.class, () -> sealer.open(new SealedSecret(7, bytes), ROW_1));
        assertThrows(SecretIntegrityException.class, () -> sealer.open(new SealedSecret(1, new byte[10]), ROW_1));
    }

    @Test
    void masterKeysMustBe256Bits() {
        assertThrows(RuntimeException.class, () -> new MasterKey(1, new byte[16]));
        assertEquals(3, MasterKey.fromBase64(3, java.util.Base64.getEncoder().encodeToString(filled(9))).version());
        assertEquals("MasterKey[version 1, ***]", v1.toString());
    }
}
