package io.gatekey.domain.mfa;

import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.shared.InvalidValueException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A device's serial number, {@code iam::{accountId}:mfa:{name}}, the form Huawei IAM uses. */
public record MfaSerialNumber(String value) {

    private static final Pattern FORM = Pattern.compile("iam::([A-Za-z0-9_-]{1,64}):mfa:([A-Za-z0-9_-]{1,64})");

    public MfaSerialNumber {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new InvalidValueException("serialNumber", "iam::{accountId}:mfa:{name}");
        }
    }

    public static MfaSerialNumber of(AccountId accountId, MfaDeviceName name) {
        return new MfaSerialNumber("iam::" + accountId.value() + ":mfa:" + name.value());
    }

    public AccountId accountId() {
        return new AccountId(part(1));
    }

    public MfaDeviceName deviceName() {
        return new MfaDeviceName(part(2));
    }

    private String part(int group) {
        Matcher m = FORM.matcher(value);
        if (!m.matches()) {
            throw new IllegalStateException(value);
        }
        return m.group(group);
    }

    @Override
    public String toString() {
        return value;
    }
}
