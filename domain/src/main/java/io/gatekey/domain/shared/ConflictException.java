package io.gatekey.domain.shared;

/** The request clashes with the current state: a name is taken, a limit is reached, or the object is in the wrong state. */
public final class ConflictException extends GatekeyException {

    /** Which rule the request ran into. */
    public enum Conflict {
        LOGIN_ALIAS_TAKEN("the login alias is used by another account"),
        SUB_ACCOUNT_NAME_TAKEN("a sub account with this name already exists"),
        SUB_ACCOUNT_LIMIT("at most " + io.gatekey.domain.shared.Limits.SUB_ACCOUNTS_PER_ACCOUNT + " sub accounts per account"),
        ACCESS_KEY_LIMIT("at most " + io.gatekey.domain.shared.Limits.ACCESS_KEYS_PER_OWNER + " active access keys per owner"),
        ACCESS_KEY_QUOTA("at most " + io.gatekey.domain.shared.Limits.ACCESS_KEYS_PER_OWNER + " access keys per owner, active or not"),
        MFA_DEVICE_NAME_TAKEN("an MFA device with this name already exists in the account"),
        MFA_DEVICE_LIMIT("the user already has an MFA device of this type"),
        MFA_DEVICE_ENABLED("the MFA device is enabled; disable it first"),
        MFA_DEVICE_ALREADY_ENABLED("the MFA device is already enabled"),
        MFA_DEVICE_NOT_ENABLED("the MFA device is not enabled");

        private final String message;

        Conflict(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    private final Conflict conflict;

    public ConflictException(Conflict conflict) {
        super(conflict.message());
        this.conflict = conflict;
    }

    public Conflict conflict() {
        return conflict;
    }
}
