package io.gatekey.domain.account;

import io.gatekey.domain.shared.InvalidValueException;

/** The account's login alias, unique across the installation: 3-20 lower-case letters and digits. */
public record LoginAlias(String value) {

    public LoginAlias {
        if (value == null || !value.matches("[a-z0-9]{3,20}")) {
            throw new InvalidValueException("loginAlias", "3-20 characters using lowercase English letters and numbers");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
