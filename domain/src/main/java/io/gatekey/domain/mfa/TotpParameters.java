package io.gatekey.domain.mfa;

import io.gatekey.domain.shared.InvalidValueException;
import java.util.Objects;

/** How a device's codes are computed: algorithm, 6 or 8 digits, a period of 30 or 60 seconds. */
public record TotpParameters(TotpAlgorithm algorithm, int digits, int periodSeconds) {

    /** What every authenticator app supports. */
    public static final TotpParameters DEFAULT = new TotpParameters(TotpAlgorithm.SHA1, 6, 30);

    public TotpParameters {
        Objects.requireNonNull(algorithm, "algorithm");
        if (digits != 6 && digits != 8) {
            throw new InvalidValueException("digits", "6 or 8");
        }
        if (periodSeconds != 30 && periodSeconds != 60) {
            throw new InvalidValueException("period", "30 or 60 seconds");
        }
    }
}
