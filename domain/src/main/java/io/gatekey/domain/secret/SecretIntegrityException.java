package io.gatekey.domain.secret;

/** A sealed value did not open: wrong key, wrong row, or tampered bytes. Never a caller's mistake. */
public final class SecretIntegrityException extends RuntimeException {

    public SecretIntegrityException(String message) {
        super(message);
    }
}
