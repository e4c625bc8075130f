package io.gatekey.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Times written straight from their fields read exactly as the JDK's ISO_INSTANT writes them, to the second. */
class Iso8601Test {

    private static String jdk(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    @Test
    void writesWhatIsoInstantWrites() {
        assertEquals("2024-10-10T16:58:28Z", Iso8601.seconds(Instant.parse("2024-10-10T16:58:28.999Z")));
        assertEquals("1970-01-01T00:00:00Z", Iso8601.seconds(Instant.EPOCH));
        assertEquals("1969-12-31T23:59:59Z", Iso8601.seconds(Instant.EPOCH.minusNanos(1)));
        for (String edge : new String[] {"0000-01-01T00:00:00Z", "0999-12-31T23:59:59Z", "9999-12-31T23:59:59Z", "2000-02-29T12:00:00Z",
                "-0001-12-31T23:59:59Z", "+10000-01-01T00:00:00Z"}) {
            Instant instant = Instant.parse(edge);
            assertEquals(edge, Iso8601.seconds(instant));
            assertEquals(jdk(instant), Iso8601.seconds(instant));
        }
        SplittableRandom random = new SplittableRandom(18);
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-70_000_000_000L, 260_000_000_000L), random.nextInt(1_000_000_000));
            assertEquals(jdk(instant), Iso8601.seconds(instant), instant::toString);
        }
    }
}
