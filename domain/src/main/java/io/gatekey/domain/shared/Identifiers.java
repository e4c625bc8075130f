package io.gatekey.domain.shared;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import org.bouncycastle.util.encoders.Base32;

/** Encodes random bytes into the text forms that identifiers and secrets use. */
public final class Identifiers {

    private Identifiers() {
    }

    /**
     * Whether {@code value} is {@code min}-{@code max} letters, digits, '_' or '-' (ASCII), as every id is: the
     * same rule as the pattern {@code [A-Za-z0-9_-]{min,max}}, checked without compiling one on every call.
     */
    public static boolean isIdToken(String value, int min, int max) {
        if (value == null || value.length() < min || value.length() > max) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    public static String hex(byte[] random) {
        return HexFormat.of().formatHex(random);
    }

    /** Base32 (RFC 4648 alphabet, upper case) without padding. */
    public static String base32(byte[] random) {
        return Base32.toBase32String(random).replace("=", "").toUpperCase(Locale.ROOT);
    }

    public static String base64Url(byte[] random) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
