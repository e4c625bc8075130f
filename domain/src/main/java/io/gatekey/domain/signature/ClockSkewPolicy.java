package io.gatekey.domain.signature;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** How far a request's signed time may be from the server's clock before the request is refused. */
public record ClockSkewPolicy(Duration limit, boolean limitRefused) {

    /** NCP: a difference of 5 minutes or more is refused. */
    public static final ClockSkewPolicy NCP = new ClockSkewPolicy(Duration.ofMinutes(5), true);
    /** Huawei's gateway: more than 15 minutes is refused. */
    public static final ClockSkewPolicy HUAWEI = new ClockSkewPolicy(Duration.ofMinutes(15), false);
    /** Tencent v2: the common reading of its window, 5 minutes or more refused. */
    public static final ClockSkewPolicy TENCENT = new ClockSkewPolicy(Duration.ofMinutes(5), true);
    /** AWS SigV4: X-Amz-Date within 5 minutes of the server's clock. */
    public static final ClockSkewPolicy AWS = new ClockSkewPolicy(Duration.ofMinutes(5), false);

    public ClockSkewPolicy {
        Objects.requireNonNull(limit, "limit");
    }

    public boolean refuses(Instant requestTime, Instant now) {
        int comparison = Duration.between(requestTime, now).abs().compareTo(limit);
        return limitRefused ? comparison >= 0 : comparison > 0;
    }
}
