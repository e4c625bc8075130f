package io.gatekey.adapter.http;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Times on the wire: ISO 8601 in UTC to the second, such as {@code 2024-10-10T16:58:28Z}. */
public final class Iso8601 {

    private Iso8601() {
    }

    /**
     * The instant to the second, as {@link DateTimeFormatter#ISO_INSTANT} writes it. Years 0-9999 (every time Gatekey
     * keeps) are written straight from the date's fields: the formatter's general printers took a sixtieth of a
     * signed read's time. Other years go through the formatter.
     */
    public static String seconds(Instant instant) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        int year = time.getYear();
        if (year < 0 || year > 9999) {
            return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
        }
        byte[] text = {'0', '0', '0', '0', '-', '0', '0', '-', '0', '0', 'T', '0', '0', ':', '0', '0', ':', '0', '0', 'Z'};
        digits(text, 0, 4, year);
        digits(text, 5, 2, time.getMonthValue());
        digits(text, 8, 2, time.getDayOfMonth());
        digits(text, 11, 2, time.getHour());
        digits(text, 14, 2, time.getMinute());
        digits(text, 17, 2, time.getSecond());
        return new String(text, StandardCharsets.US_ASCII);
    }

    /** Writes {@code value} as {@code width} decimal digits from {@code at}, leading zeros kept. */
    private static void digits(byte[] text, int at, int width, int value) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }
}
