package io.gatekey.domain.shared;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import org.bouncycastle.util.encoders.Base32;

/** Encodes random bytes into the text forms that identifiers and secrets use. */
public final class Identifiers {

    private Identifiers() {
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
