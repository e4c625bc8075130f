package io.gatekey.adapter.http;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The {@code Date} header of every answer, in RFC 9110's IMF-fixdate ({@code Sun, 06 Dec 2026 22:07:18 GMT}, the
 * day in two digits), read from the injected clock. Clients correct their clock skew from it (the AWS SDKs do). The
 * text is formatted once a second and shared: Micronaut's own header (turned off in the application's
 * configuration) formatted a date on every answer, a fortieth of a signed read's time.
 */
@Singleton
public final class HttpDate {

    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private final Clock clock;
    private volatile Formatted last = new Formatted(Long.MIN_VALUE, "");

    HttpDate(Clock clock) {
        this.clock = clock;
    }

    /** The current second as IMF-fixdate. */
    public String now() {
        long second = Math.floorDiv(clock.millis(), 1000L);
        Formatted formatted = last;
        if (formatted.second != second) {
            formatted = new Formatted(second, IMF_FIXDATE.format(Instant.ofEpochSecond(second)));
            last = formatted;
        }
        return formatted.text;
    }

    private record Formatted(long second, String text) {
    }
}
