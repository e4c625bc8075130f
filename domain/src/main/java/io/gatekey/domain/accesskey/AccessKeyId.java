package io.gatekey.domain.accesskey;

import io.gatekey.domain.shared.Identifiers;
import io.gatekey.domain.shared.InvalidValueException;

/**
 * Identifies a signing key. Long-term keys start with {@value #LONG_TERM_PREFIX}, temporary (STS) keys with
 * {@value #TEMPORARY_PREFIX}, so a lookup knows where to look before it touches storage.
 */
public record AccessKeyId(String value) {

    public static final String LONG_TERM_PREFIX = "GKAK";
    public static final String TEMPORARY_PREFIX = "GKST";

    public AccessKeyId {
        if (!Identifiers.isIdToken(value, 4, 128)) {
            throw new InvalidValueException("accessKey", "4-128 letters, digits, '_' or '-'");
        }
    }

    /** A new long-term key id from 10 random bytes: prefix and 16 Base32 characters. */
    public static AccessKeyId longTerm(byte[] tenBytes) {
        return new AccessKeyId(LONG_TERM_PREFIX + Identifiers.base32(requireTen(tenBytes)));
    }

    /** A new temporary key id from 10 random bytes: prefix and 16 Base32 characters. */
    public static AccessKeyId temporary(byte[] tenBytes) {
        return new AccessKeyId(TEMPORARY_PREFIX + Identifiers.base32(requireTen(tenBytes)));
    }

    public boolean isTemporary() {
        return value.startsWith(TEMPORARY_PREFIX);
    }

    private static byte[] requireTen(byte[] bytes) {
        if (bytes.length != 10) {
            throw new IllegalArgumentException("an access key id takes 10 random bytes");
        }
        return bytes;
    }

    @Override
    public String toString() {
        return value;
    }
}
