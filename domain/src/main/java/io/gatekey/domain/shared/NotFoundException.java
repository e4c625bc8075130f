package io.gatekey.domain.shared;

import java.util.Locale;

/** Something the caller named does not exist (or is not visible to the caller). */
public final class NotFoundException extends GatekeyException {

    /** What kind of thing is missing. */
    public enum Missing { ACCOUNT, SUB_ACCOUNT, ACCESS_KEY, MFA_DEVICE, TEMPORARY_CREDENTIAL }

    private final Missing missing;
    private final String id;

    public NotFoundException(Missing missing, String id) {
        super(missing.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " not found: " + id);
        this.missing = missing;
        this.id = id;
    }

    public Missing missing() {
        return missing;
    }

    public String id() {
        return id;
    }
}
