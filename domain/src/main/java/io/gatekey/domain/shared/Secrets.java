package io.gatekey.domain.shared;

import java.security.MessageDigest;

/** Helpers for secret material. */
public final class Secrets {

    private Secrets() {
    }

    /** Compares in time that depends only on the lengths, so a mismatch position leaks nothing. */
    public static boolean constantTimeEquals(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    public static String requireText(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidValueException(field, "required");
        }
        return value;
    }
}
