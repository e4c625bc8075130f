package io.gatekey.domain.mfa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatekey.domain.shared.InvalidValueException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TotpSeedTest {

    @Test
    void base32IsUnpaddedUpperCaseAndRoundTrips() {
        byte[] bytes = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
        TotpSeed seed = TotpSeed.of(bytes);
        assertEquals("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", seed.toBase32());
        assertArrayEquals(bytes, TotpSeed.fromBase32(seed.toBase32()).bytes());
        assertArrayEquals(bytes, TotpSeed.fromBase32("gezdgnbvgy3tqojqgezdgnbvgy3tqojq").bytes());
    }

    @Test
    void unpaddedSeedsOfOtherLengthsDecode() {
        TotpSeed seed = TotpSeed.of(new byte[21]);
        String base32 = seed.toBase32();
        assertFalse(base32.contains("="));
        assertArrayEquals(new byte[21], TotpSeed.fromBase32(base32).bytes());
    }

    @Test
    void fewerThan160BitsIsRefused() {
        assertThrows(InvalidValueException.class, () -> TotpSeed.of(new byte[19]));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "GEZDGNBV GY3TQOJQ", "GEZDGNBVGY3TQOJ1", "GEZDGNBVGY3TQOJQ!"})
    void nonBase32IsRefused(String text) {
        assertThrows(InvalidValueException.class, () -> TotpSeed.fromBase32(text));
    }

    @Test
    void neverPrintsItself() {
        assertEquals("***", TotpSeed.of(new byte[20]).toString());
        assertTrue(TotpSeed.of(new byte[20]).sameAs(TotpSeed.of(new byte[20])));
    }
}
