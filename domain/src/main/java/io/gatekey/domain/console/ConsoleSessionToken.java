package io.gatekey.domain.console;

import io.gatekey.domain.shared.InvalidValueException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The bearer secret of a console session, as its cookie carries it: 32 random bytes, base64url. Storage keeps only
 * its SHA-256 ({@link #key()}), so someone who reads the database cannot take over a session. Never printed.
 */
public final class ConsoleSessionToken {

    private static final int BYTES = 32;
    private static final int LENGTH = 43;

    private final String value;

    private ConsoleSessionToken(String value) {
        this.value = value;
    }

    /** A new token from {@code random} (32 bytes). */
    public static ConsoleSessionToken of(byte[] random) {
        if (random.length != BYTES) {
            throw new IllegalArgumentException("32 random bytes");
        }
        return new ConsoleSessionToken(Base64.getUrlEncoder().withoutPadding().encodeToString(random));
    }

    /** A token as a cookie brought it; anything but 43 base64url characters is refused. */
    public static ConsoleSessionToken parse(String text) {
        if (text == null || text.length() != LENGTH || !text.chars().allMatch(ConsoleSessionToken::isBase64Url)) {
            throw new InvalidValueException("session", "not a console session");
        }
        return new ConsoleSessionToken(text);
    }

    private static boolean isBase64Url(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    /** What storage keeps and looks the session up by: the hex SHA-256 of the token. */
    public ConsoleSessionKey key() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
            return new ConsoleSessionKey(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text, for the one cookie that carries it. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "ConsoleSessionToken[hidden]";
    }
}
