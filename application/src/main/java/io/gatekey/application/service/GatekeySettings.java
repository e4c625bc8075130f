package io.gatekey.application.service;

import io.gatekey.domain.mfa.LockoutPolicy;
import java.util.Objects;

/** What an installation may tune: the MFA lockout and the issuer name shown in authenticator apps. */
public record GatekeySettings(LockoutPolicy lockout, String otpIssuer) {

    public static final GatekeySettings DEFAULT = new GatekeySettings(LockoutPolicy.DEFAULT, "Gatekey");

    public GatekeySettings {
        Objects.requireNonNull(lockout, "lockout");
        Objects.requireNonNull(otpIssuer, "otpIssuer");
    }
}
