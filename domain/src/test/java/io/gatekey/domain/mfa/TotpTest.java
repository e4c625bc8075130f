package io.gatekey.domain.mfa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TotpTest {

    private static TotpSeed rfc6238Seed(TotpAlgorithm algorithm) {
        String ascii = switch (algorithm) {
            case SHA1 -> "12345678901234567890";
            case SHA256 -> "12345678901234567890123456789012";
            case SHA512 -> "1234567890123456789012345678901234567890123456789012345678901234";
        };
        return TotpSeed.of(ascii.getBytes(StandardCharsets.US_ASCII));
    }

    @ParameterizedTest(name = "{1} at {0} -> {2}")
    @CsvSource({
        "59, SHA1, 94287082", "59, SHA256, 46119246", "59, SHA512, 90693936",
        "1111111109, SHA1, 07081804", "1111111109, SHA256, 68084774", "1111111109, SHA512, 25091201",
        "1111111111, SHA1, 14050471", "1111111111, SHA256, 67062674", "1111111111, SHA512, 99943326",
        "1234567890, SHA1, 89005924", "1234567890, SHA256, 91819424", "1234567890, SHA512, 93441116",
        "2000000000, SHA1, 69279037", "2000000000, SHA256, 90698825", "2000000000, SHA512, 38618901",
        "20000000000, SHA1, 65353130", "20000000000, SHA256, 77737706", "20000000000, SHA512, 47863826"
    })
    void rfc6238AppendixBVectors(long epochSeconds, TotpAlgorithm algorithm, String expected) {
        TotpParameters parameters = new TotpParameters(algorithm, 8, 30);
        long step = Totp.stepAt(Instant.ofEpochSecond(epochSeconds), 30);
        assertEquals(expected, Totp.code(rfc6238Seed(algorithm), parameters, step));
    }

    @Test
    void stepsCountPeriodsSinceTheEpoch() {
        assertEquals(0, Totp.stepAt(Instant.ofEpochSecond(29), 30));
        assertEquals(1, Totp.stepAt(Instant.ofEpochSecond(30), 30));
        assertEquals(1, Totp.stepAt(Instant.ofEpochSecond(119), 60));
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456", "000000", "999999"})
    void exactlySixAsciiDigitsAreWellFormed(String code) {
        assertTrue(Totp.wellFormed(code, 6));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "12345", "1234567", " 123456", "123456 ", "123 456", "12345a", "+12345", "１２３４５６", "١٢٣٤٥٦", "123\u00a0456"})
    void anythingElseIsMalformedAndNeverNormalised(String code) {
        assertFalse(Totp.wellFormed(code, 6));
    }

    @Test
    void eightDigitCodesNeedEightDigits() {
        assertTrue(Totp.wellFormed("12345678", 8));
        assertFalse(Totp.wellFormed("123456", 8));
    }

    @Test
    void matchingStepsFindsEveryStepInTheWindowWithThatCode() {
        TotpSeed seed = rfc6238Seed(TotpAlgorithm.SHA1);
        String code = Totp.code(seed, TotpParameters.DEFAULT, 1000);
        assertEquals(0b010, Totp.matchingSteps(seed, TotpParameters.DEFAULT, code, 999, 1001), "bit 1: step 1000");
        assertEquals(0, Totp.matchingSteps(seed, TotpParameters.DEFAULT, code, 1001, 1003));
    }

    @Test
    void everyStepOfTheWindowIsComputedWhetherOrNotAnEarlierOneMatched() {
        TotpSeed seed = rfc6238Seed(TotpAlgorithm.SHA1);
        for (long matching : new long[] {980, 1000, 1020}) {
            String code = Totp.code(seed, TotpParameters.DEFAULT, matching);
            long before = Hotp.computedOnThisThread();
            long mask = Totp.matchingSteps(seed, TotpParameters.DEFAULT, code, 980, 1020);
            assertEquals(41, Hotp.computedOnThisThread() - before, "41 steps, all computed, for a match at " + matching);
            assertEquals(1L << (matching - 980), mask & (1L << (matching - 980)));
        }
        String wrong = "000000".equals(Totp.code(seed, TotpParameters.DEFAULT, 1000)) ? "111111" : "000000";
        long before = Hotp.computedOnThisThread();
        Totp.matchingSteps(seed, TotpParameters.DEFAULT, wrong, 980, 1020);
        assertEquals(41, Hotp.computedOnThisThread() - before, "and as many for a code that matches nothing");
    }

    @Test
    void theKeptMacGivesTheRfcVectorsOnEveryAlgorithmAfterOtherKeys() {
        // RFC 6238 appendix B at T = 59 s, with other keys used in between on the same thread.
        for (int round = 0; round < 2; round++) {
            assertEquals("94287082", Totp.code(rfc6238Seed(TotpAlgorithm.SHA1), new TotpParameters(TotpAlgorithm.SHA1, 8, 30), 1));
            assertEquals("46119246", Totp.code(rfc6238Seed(TotpAlgorithm.SHA256), new TotpParameters(TotpAlgorithm.SHA256, 8, 30), 1));
            assertEquals("90693936", Totp.code(rfc6238Seed(TotpAlgorithm.SHA512), new TotpParameters(TotpAlgorithm.SHA512, 8, 30), 1));
        }
    }
}
