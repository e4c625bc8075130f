package io.gatekey.adapter.http;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Times on the wire: ISO 8601 in UTC to the second, such as {@code 2024-10-10T16:58:28Z}. */
public final class Iso8601 {

    private Iso8601() {
    }

    public static String seconds(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
