package io.gatekey.domain.account;

import io.gatekey.domain.shared.InvalidValueException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A sub account's login id, unique in its account: letters, digits, '.', '_', '@' and '-'. A new one has 3 to 60
 * of them (NCP's bound); what was stored under the older bound of 1 to 64 still reads.
 */
public record SubAccountName(String value) {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    public SubAccountName {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new InvalidValueException("loginId", "3 to 60 letters, digits, '.', '_', '@' or '-'");
        }
    }

    /** The login id {@code text} spells, or empty when it cannot be one. */
    public static Optional<SubAccountName> parse(String text) {
        return text != null && FORM.matcher(text).matches() ? Optional.of(new SubAccountName(text)) : Optional.empty();
    }

    /** Refuses a login id outside the bound for new sub accounts. */
    public void requireNewLoginId() {
        if (value.length() < 3 || value.length() > 60) {
            throw new InvalidValueException("loginId", "3 to 60 letters, digits, '.', '_', '@' or '-'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
