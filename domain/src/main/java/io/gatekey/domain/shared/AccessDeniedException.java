package io.gatekey.domain.shared;

/** The authenticated caller may not do this; the message says why without naming other accounts' objects. */
public final class AccessDeniedException extends GatekeyException {

    public AccessDeniedException(String message) {
        super(message);
    }
}
