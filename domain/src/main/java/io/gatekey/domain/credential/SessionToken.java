package io.gatekey.domain.credential;

import io.gatekey.domain.shared.Identifiers;
import io.gatekey.domain.shared.InvalidValueException;
import io.gatekey.domain.shared.Secrets;
import java.nio.charset.StandardCharsets;

/** The token that travels with a temporary key pair (Huawei's X-Security-Token, Tencent's Token). */
public final class SessionToken {

    private final String value;

    private SessionToken(String value) {
        this.value = value;
    }

    /** A new token from 48 random bytes: 64 URL-safe Base64 characters. */
    public static SessionToken fromRandom(byte[] fortyEightBytes) {
        if (fortyEightBytes.length != 48) {
            throw new IllegalArgumentException("a session token takes 48 random bytes");
        }
        return new SessionToken(Identifiers.base64Url(fortyEightBytes));
    }

    public static SessionToken of(String value) {
        if (value == null || value.length() < 16 || value.length() > 1024) {
            throw new InvalidValueException("sessionToken", "16-1024 characters");
        }
        return new SessionToken(value);
    }

    /** Constant time: the offered token is attacker-controlled. */
    public boolean matches(String offered) {
        return offered != null && Secrets.constantTimeEquals(
                value.getBytes(StandardCharsets.UTF_8), offered.getBytes(StandardCharsets.UTF_8));
    }

    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SessionToken other && matches(other.value);
    }

    @Override
    public int hashCode() {
        return value.length();
    }

    @Override
    public String toString() {
        return "***";
    }
}
