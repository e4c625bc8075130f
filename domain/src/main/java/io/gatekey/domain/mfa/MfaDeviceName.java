package io.gatekey.domain.mfa;

import io.gatekey.domain.shared.Identifiers;
import io.gatekey.domain.shared.InvalidValueException;

/** A device's name, unique in its account: 1-64 letters, digits, '_' and '-'. */
public record MfaDeviceName(String value) {

    public MfaDeviceName {
        if (!Identifiers.isIdToken(value, 1, 64)) {
            throw new InvalidValueException("virtual_mfa_device_name",
                    "1 to 64 characters, including only letters, digits, underscores (_), and hyphens (-)");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
