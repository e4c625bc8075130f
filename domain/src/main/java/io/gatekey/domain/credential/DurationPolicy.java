package io.gatekey.domain.credential;

import io.gatekey.domain.shared.InvalidValueException;
import java.time.Duration;

/** The lifetimes a door allows for temporary credentials, and the one it picks when the caller names none. */
public record DurationPolicy(String field, int minSeconds, int maxSeconds, int defaultSeconds) {

    /** NCP STS: {@code durationSec} 600-43200, default 3600. */
    public static final DurationPolicy NCP = new DurationPolicy("durationSec", 600, 43_200, 3_600);
    /** Tencent v2 GetSessionToken: {@code durationSeconds} 300-7200, default 1800. */
    public static final DurationPolicy TENCENT = new DurationPolicy("durationSeconds", 300, 7_200, 1_800);
    /** AWS STS GetSessionToken: {@code DurationSeconds} 900-129600, default 43200. */
    public static final DurationPolicy AWS = new DurationPolicy("DurationSeconds", 900, 129_600, 43_200);

    public DurationPolicy {
        if (minSeconds < 1 || minSeconds > defaultSeconds || defaultSeconds > maxSeconds) {
            throw new IllegalArgumentException("min <= default <= max, all positive");
        }
    }

    /** The lifetime to grant; {@code requestedSeconds} null means the default. */
    public Duration resolve(Long requestedSeconds) {
        if (requestedSeconds == null) {
            return Duration.ofSeconds(defaultSeconds);
        }
        if (requestedSeconds < minSeconds || requestedSeconds > maxSeconds) {
            throw new InvalidValueException(field, "valid range: " + minSeconds + " - " + maxSeconds);
        }
        return Duration.ofSeconds(requestedSeconds);
    }
}
