package io.gatekey.domain.selftest;

import io.gatekey.domain.mfa.Hotp;
import io.gatekey.domain.mfa.Totp;
import io.gatekey.domain.mfa.TotpAlgorithm;
import io.gatekey.domain.mfa.TotpParameters;
import io.gatekey.domain.mfa.TotpSeed;
import io.gatekey.domain.signature.SignatureAlgorithm;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The published test vectors, checked before a node serves: RFC 4226's HOTP values, RFC 6238's TOTP values for
 * SHA-1, SHA-256 and SHA-512 (one with a leading zero), the window check finding the step it should, and the MACs
 * under every dialect's signature (RFC 2202 HMAC-SHA1, RFC 4231 HMAC-SHA256). A JDK or build that computes any of
 * them differently would accept wrong codes or refuse right ones: it stops with one line naming what differed.
 */
public final class KnownAnswers {

    private static final AtomicBoolean PASSED = new AtomicBoolean();
    private static final byte[] RFC_SEED_20 = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final String[] RFC4226 = {"755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"};

    private KnownAnswers() {
    }

    /** Checks every vector once per JVM; throws {@link IllegalStateException} naming the first that differs. */
    public static void requireOnce() {
        if (!PASSED.get()) {
            check();
            PASSED.set(true);
        }
    }

    static void check() {
        for (int counter = 0; counter < RFC4226.length; counter++) {
            expect("HOTP (RFC 4226) at counter " + counter, RFC4226[counter], Hotp.generate(RFC_SEED_20, counter, TotpAlgorithm.SHA1, 6));
        }
        totp(TotpAlgorithm.SHA1, "12345678901234567890", 59, "94287082");
        totp(TotpAlgorithm.SHA256, "12345678901234567890123456789012", 59, "46119246");
        totp(TotpAlgorithm.SHA512, "1234567890123456789012345678901234567890123456789012345678901234", 59, "90693936");
        totp(TotpAlgorithm.SHA1, "12345678901234567890", 1111111109, "07081804");
        TotpSeed seed = TotpSeed.of(RFC_SEED_20);
        long mask = Totp.matchingSteps(seed, new TotpParameters(TotpAlgorithm.SHA1, 8, 30), "07081804", 37037035, 37037037);
        expect("TOTP window check (RFC 6238, T = 1111111109)", "010", Long.toBinaryString(mask | 0b1000).substring(1));

        byte[] jefe = "Jefe".getBytes(StandardCharsets.US_ASCII);
        String message = "what do ya want for nothing?";
        expect("HMAC-SHA1 (RFC 2202, case 2)", "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79",
                HexFormat.of().formatHex(SignatureAlgorithm.HMAC_SHA1.sign(jefe, message)));
        expect("HMAC-SHA256 (RFC 4231, case 2)", "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                HexFormat.of().formatHex(SignatureAlgorithm.HMAC_SHA256.sign(jefe, message)));
    }

    private static void totp(TotpAlgorithm algorithm, String asciiSeed, long epochSeconds, String expected) {
        TotpParameters parameters = new TotpParameters(algorithm, 8, 30);
        String code = Totp.code(TotpSeed.of(asciiSeed.getBytes(StandardCharsets.US_ASCII)), parameters, Math.floorDiv(epochSeconds, 30));
        expect("TOTP " + algorithm + " (RFC 6238) at T = " + epochSeconds, expected, code);
    }

    static void expect(String what, String expected, String actual) {
        if (!expected.equals(actual)) {
            throw new IllegalStateException("self-test failed: " + what + " gave " + actual + " where the published value is " + expected);
        }
    }
}
