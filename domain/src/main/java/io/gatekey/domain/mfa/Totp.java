package io.gatekey.domain.mfa;

import io.gatekey.domain.shared.Secrets;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Time-based one-time passwords, RFC 6238: HOTP over the number of periods since the Unix epoch. */
public final class Totp {

    private Totp() {
    }

    public static long stepAt(Instant time, int periodSeconds) {
        return Math.floorDiv(time.getEpochSecond(), periodSeconds);
    }

    public static String code(TotpSeed seed, TotpParameters parameters, long step) {
        return Hotp.generate(seed.hmacKey(), step, parameters.algorithm(), parameters.digits());
    }

    /**
     * True only for exactly {@code digits} ASCII digits. Nothing is trimmed or normalised first: a verifier that
     * strips spaces can let one code through twice (Vault, CVE-2025-6014).
     */
    public static boolean wellFormed(String code, int digits) {
        if (code == null || code.length() != digits) {
            return false;
        }
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * Every step from {@code firstStep} to {@code lastStep} whose code equals {@code code}, in ascending order.
     * Each step is computed and compared in constant time, with no early exit, so the time taken says nothing
     * about which step (if any) matched.
     */
    public static List<Long> matchingSteps(TotpSeed seed, TotpParameters parameters, String code, long firstStep, long lastStep) {
        byte[] offered = code.getBytes(StandardCharsets.US_ASCII);
        List<Long> matches = new ArrayList<>(1);
        for (long step = firstStep; step <= lastStep; step++) {
            byte[] expected = code(seed, parameters, step).getBytes(StandardCharsets.US_ASCII);
            if (Secrets.constantTimeEquals(expected, offered)) {
                matches.add(step);
            }
        }
        return matches;
    }
}
