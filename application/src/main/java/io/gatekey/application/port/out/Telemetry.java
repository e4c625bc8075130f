package io.gatekey.application.port.out;

import io.gatekey.domain.mfa.MfaCheck;
import io.gatekey.domain.signature.Authentication;

/**
 * What an operator watches, counted as it happens. Nothing passed here is a secret, a code or a key id: reasons
 * and flags only, so an implementation may use them as labels. {@link #NONE} counts nothing.
 */
public interface Telemetry {

    /** Credentials were issued, after an MFA check or without one. */
    void credentialsIssued(boolean withMfa);

    /** A one-time code (or a pair) was refused. */
    void mfaRefused(MfaCheck.Reason reason);

    /** A device was locked after too many wrong codes. */
    void lockoutStarted();

    /** A console sign-in's password step ended so. */
    void consoleSignIn(SignIn outcome);

    /** How a console sign-in's password step ended: the password held, was refused, or met a locked sign-in; or it locked the sign-in. */
    enum SignIn { ACCEPTED, REFUSED, LOCKED, LOCKOUT_STARTED }

    /** A signed request was refused. */
    void signatureRefused(Authentication.Reason reason);

    /** A sealed secret (a key's secret, a seed, a session token) was opened. */
    void secretOpened();

    /** Authentication looked key material up: found in the key cache, or read from storage. */
    void keyCacheLookup(boolean hit);

    Telemetry NONE = new Telemetry() {
        @Override
        public void credentialsIssued(boolean withMfa) {
        }

        @Override
        public void mfaRefused(MfaCheck.Reason reason) {
        }

        @Override
        public void lockoutStarted() {
        }

        @Override
        public void consoleSignIn(SignIn outcome) {
        }

        @Override
        public void signatureRefused(Authentication.Reason reason) {
        }

        @Override
        public void secretOpened() {
        }

        @Override
        public void keyCacheLookup(boolean hit) {
        }
    };
}
