package io.gatekey.domain.mfa;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-based one-time passwords, RFC 4226 (with RFC 6238's choice of hash). Each thread keeps one {@link Mac} per
 * algorithm and its buffers, re-keyed per device: checking a code allocates almost nothing.
 */
public final class Hotp {

    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};
    private static final ThreadLocal<Engine> ENGINES = ThreadLocal.withInitial(Engine::new);

    private Hotp() {
    }

    /** The code for one counter value, zero-padded to {@code digits}. */
    public static String generate(byte[] key, long counter, TotpAlgorithm algorithm, int digits) {
        requireDigits(digits);
        return format(ENGINES.get().keyed(algorithm, new SecretKeySpec(key, algorithm.jcaName())).value(counter, digits), digits);
    }

    /** A code's value as its owner reads it: zero-padded to {@code digits}. */
    static String format(int value, int digits) {
        String code = Integer.toString(value);
        return "0".repeat(digits - code.length()) + code;
    }

    static void requireDigits(int digits) {
        if (digits < 6 || digits > 8) {
            throw new IllegalArgumentException("digits must be 6 to 8");
        }
    }

    /** This thread's engine, keyed with a device's seed. */
    static Engine engine(TotpAlgorithm algorithm, TotpSeed seed) {
        return ENGINES.get().keyed(algorithm, seed.hmacSpec());
    }

    /** How many HMACs this thread has computed: lets a test see that a check computes every step of its window. */
    static long computedOnThisThread() {
        return ENGINES.get().computed;
    }

    /** One thread's kept MACs and buffers. */
    static final class Engine {
        private final Mac[] macs = new Mac[TotpAlgorithm.values().length];
        private final byte[] counter = new byte[Long.BYTES];
        private final byte[] hash = new byte[64];
        private Mac mac;
        private long computed;

        Engine keyed(TotpAlgorithm algorithm, SecretKeySpec key) {
            try {
                Mac kept = macs[algorithm.ordinal()];
                if (kept == null) {
                    kept = Mac.getInstance(algorithm.jcaName());
                    macs[algorithm.ordinal()] = kept;
                }
                kept.init(key);
                mac = kept;
                return this;
            } catch (InvalidKeyException e) {
                throw new IllegalArgumentException("not an HMAC key", e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the JDK lacks " + algorithm.jcaName(), e);
            }
        }

        /** The numeric code (dynamic truncation, RFC 4226 section 5.3) of one counter value. */
        int value(long counterValue, int digits) {
            for (int i = Long.BYTES - 1; i >= 0; i--) {
                counter[i] = (byte) counterValue;
                counterValue >>>= 8;
            }
            mac.update(counter);
            int length = mac.getMacLength();
            try {
                mac.doFinal(hash, 0);
            } catch (ShortBufferException e) {
                throw new IllegalStateException(e);
            }
            computed++;
            int offset = hash[length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16) | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return binary % POWERS_OF_TEN[digits];
        }
    }
}
