package io.gatekey.domain.console;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a console session lives: it ends after {@code idle} without a request and at the latest {@code absolute}
 * after its sign-in began, whatever happens in between (OWASP's session management advice: 15 minutes and 8 hours
 * by default).
 */
public record ConsoleSessionPolicy(Duration idle, Duration absolute) {

    public static final ConsoleSessionPolicy DEFAULT = new ConsoleSessionPolicy(Duration.ofMinutes(15), Duration.ofHours(8));

    public ConsoleSessionPolicy {
        Objects.requireNonNull(idle, "idle");
        Objects.requireNonNull(absolute, "absolute");
        if (idle.isNegative() || idle.isZero() || absolute.compareTo(idle) < 0 || absolute.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("console sessions need 0 < idle <= absolute <= 24 hours");
        }
    }
}
