package io.gatekey.domain.mfa;

import io.gatekey.domain.shared.InvalidValueException;
import java.time.Duration;
import java.util.Objects;

/**
 * How many consecutive failed codes lock a device, and for how long. NIST SP 800-63B allows at most 100
 * consecutive failures, so no configuration may go past that.
 */
public record LockoutPolicy(int maxFailures, Duration lockDuration) {

    public static final int NIST_MAX_FAILURES = 100;
    public static final LockoutPolicy DEFAULT = new LockoutPolicy(10, Duration.ofMinutes(15));

    public LockoutPolicy {
        if (maxFailures < 1 || maxFailures > NIST_MAX_FAILURES) {
            throw new InvalidValueException("maxFailures", "1-" + NIST_MAX_FAILURES);
        }
        Objects.requireNonNull(lockDuration, "lockDuration");
        if (lockDuration.isNegative() || lockDuration.isZero()) {
            throw new InvalidValueException("lockDuration", "positive");
        }
    }
}
