package io.gatekey.application.service;

import io.gatekey.domain.console.ConsoleSessionPolicy;
import io.gatekey.domain.mfa.LockoutPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * What an installation may tune: the MFA lockout, the issuer name shown in authenticator apps, how long request
 * authentication may reuse key material it read (at most 5 seconds, zero for none), how recent the MFA check
 * behind a user's credentials must be for the user to change its own MFA devices, and how long console sessions live.
 */
public record GatekeySettings(LockoutPolicy lockout, String otpIssuer, Duration keyCacheLifetime, Duration mfaMaxAge,
                              ConsoleSessionPolicy consoleSessions) {

    public static final Duration MAX_KEY_CACHE_LIFETIME = Duration.ofSeconds(5);
    /** AWS's MultiFactorAuthAge idea: a device change needs an MFA check of the last 15 minutes by default. */
    public static final Duration DEFAULT_MFA_MAX_AGE = Duration.ofMinutes(15);
    public static final GatekeySettings DEFAULT = new GatekeySettings(LockoutPolicy.DEFAULT, "Gatekey", Duration.ZERO);

    public GatekeySettings {
        Objects.requireNonNull(lockout, "lockout");
        Objects.requireNonNull(otpIssuer, "otpIssuer");
        Objects.requireNonNull(keyCacheLifetime, "keyCacheLifetime");
        Objects.requireNonNull(mfaMaxAge, "mfaMaxAge");
        Objects.requireNonNull(consoleSessions, "consoleSessions");
        if (keyCacheLifetime.isNegative() || keyCacheLifetime.compareTo(MAX_KEY_CACHE_LIFETIME) > 0) {
            throw new IllegalArgumentException("the key cache lifetime must be 0-5 seconds");
        }
        if (mfaMaxAge.isNegative() || mfaMaxAge.isZero() || mfaMaxAge.compareTo(Duration.ofHours(12)) > 0) {
            throw new IllegalArgumentException("the MFA age for device changes must be more than 0 and at most 12 hours");
        }
    }

    public GatekeySettings(LockoutPolicy lockout, String otpIssuer, Duration keyCacheLifetime) {
        this(lockout, otpIssuer, keyCacheLifetime, DEFAULT_MFA_MAX_AGE);
    }

    public GatekeySettings(LockoutPolicy lockout, String otpIssuer, Duration keyCacheLifetime, Duration mfaMaxAge) {
        this(lockout, otpIssuer, keyCacheLifetime, mfaMaxAge, ConsoleSessionPolicy.DEFAULT);
    }
}
