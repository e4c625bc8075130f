package io.gatekey.domain.mfa;

import java.time.Instant;

/** Time-based one-time passwords, RFC 6238: HOTP over the number of periods since the Unix epoch. */
public final class Totp {

    private Totp() {
    }

    public static long stepAt(Instant time, int periodSeconds) {
        return Math.floorDiv(time.getEpochSecond(), periodSeconds);
    }

    public static String code(TotpSeed seed, TotpParameters parameters, long step) {
        Hotp.requireDigits(parameters.digits());
        return Hotp.format(Hotp.engine(parameters.algorithm(), seed).value(step, parameters.digits()), parameters.digits());
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
     * The steps from {@code firstStep} to {@code lastStep} (at most 63 of them) whose code equals {@code code}, as a
     * mask: bit {@code i} is step {@code firstStep + i}. Every step is computed and compared, with no early exit
     * and no branch on the values compared, so the time taken says nothing about which step (if any) matched.
     * {@code code} must be well formed (see {@link #wellFormed}).
     */
    public static long matchingSteps(TotpSeed seed, TotpParameters parameters, String code, long firstStep, long lastStep) {
        int count = (int) (lastStep - firstStep + 1);
        if (count < 1 || count > 63) {
            throw new IllegalArgumentException("a window of 1 to 63 steps");
        }
        int offered = 0;
        for (int i = 0; i < code.length(); i++) {
            offered = offered * 10 + (code.charAt(i) - '0');
        }
        Hotp.Engine engine = Hotp.engine(parameters.algorithm(), seed);
        long mask = 0;
        for (int i = 0; i < count; i++) {
            int difference = engine.value(firstStep + i, parameters.digits()) ^ offered;
            // 1 when equal, 0 otherwise, without a branch: (d | -d) has its sign bit set exactly when d != 0.
            long equal = ((difference | -difference) >>> 31) ^ 1;
            mask |= equal << i;
        }
        return mask;
    }
}
