package io.gatekey.domain.account;

import io.gatekey.domain.shared.InvalidValueException;
import java.util.regex.Pattern;

/** The account's login alias, unique across the installation: 3-20 lower-case letters and digits. */
public record LoginAlias(String value) {

    private static final Pattern FORM = Pattern.compile("[a-z0-9]{3,20}");

    public LoginAlias {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new InvalidValueException("loginAlias", "3-20 characters using lowercase English letters and numbers");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
