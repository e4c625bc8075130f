package io.gatekey.application.service;

import io.gatekey.domain.mfa.LockoutPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * What an installation may tune: the MFA lockout, the issuer name shown in authenticator apps, and how long
 * request authentication may reuse key material it read (at most 5 seconds, zero for none).
 */
public record GatekeySettings(LockoutPolicy lockout, String otpIssuer, Duration keyCacheLifetime) {

    public static final Duration MAX_KEY_CACHE_LIFETIME = Duration.ofSeconds(5);
    public static final GatekeySettings DEFAULT = new GatekeySettings(LockoutPolicy.DEFAULT, "Gatekey", Duration.ZERO);

    public GatekeySettings {
        Objects.requireNonNull(lockout, "lockout");
        Objects.requireNonNull(otpIssuer, "otpIssuer");
        Objects.requireNonNull(keyCacheLifetime, "keyCacheLifetime");
        if (keyCacheLifetime.isNegative() || keyCacheLifetime.compareTo(MAX_KEY_CACHE_LIFETIME) > 0) {
            throw new IllegalArgumentException("the key cache lifetime must be 0-5 seconds");
        }
    }
}
