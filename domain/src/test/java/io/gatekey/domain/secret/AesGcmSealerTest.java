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

    /** The engine changed from BouncyCastle's GCM to the JDK's: values either sealed open with the other. */
    @Test
    void valuesSealedWithBouncyCastlesGcmOpenAndTheOtherWayRound() throws Exception {
        MasterKey key = new MasterKey(3, new byte[32]);
        AesGcmSealer sealer = new AesGcmSealer(java.util.List.of(key), new java.security.SecureRandom());
        byte[] plaintext = "the seed of alice's phone".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] place = "mfa_device/iam::acme:mfa:phone/seed".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        byte[] nonce = new byte[12];
        new java.security.SecureRandom().nextBytes(nonce);
        org.bouncycastle.crypto.modes.GCMModeCipher bc = org.bouncycastle.crypto.modes.GCMBlockCipher.newInstance(
                org.bouncycastle.crypto.engines.AESEngine.newInstance());
        bc.init(true, new org.bouncycastle.crypto.params.AEADParameters(new org.bouncycastle.crypto.params.KeyParameter(key.key()), 128, nonce, place));
        byte[] out = new byte[12 + bc.getOutputSize(plaintext.length)];
        System.arraycopy(nonce, 0, out, 0, 12);
        int written = bc.processBytes(plaintext, 0, plaintext.length, out, 12);
        bc.doFinal(out, 12 + written);
        assertArrayEquals(plaintext, sealer.open(new SealedSecret(3, out), place));

        SealedSecret sealed = sealer.seal(plaintext, place);
        org.bouncycastle.crypto.modes.GCMModeCipher reader = org.bouncycastle.crypto.modes.GCMBlockCipher.newInstance(
                org.bouncycastle.crypto.engines.AESEngine.newInstance());
        reader.init(false, new org.bouncycastle.crypto.params.AEADParameters(new org.bouncycastle.crypto.params.KeyParameter(key.key()), 128,
                java.util.Arrays.copyOf(sealed.sealed(), 12), place));
        byte[] opened = new byte[reader.getOutputSize(sealed.sealed().length - 12)];
        int read = reader.processBytes(sealed.sealed(), 12, sealed.sealed().length - 12, opened, 0);
        reader.doFinal(opened, read);
        assertArrayEquals(plaintext, opened);
    }
}
