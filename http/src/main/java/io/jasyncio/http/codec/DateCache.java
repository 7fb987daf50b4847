package io.jasyncio.http.codec;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;

/**
 * The current time as an HTTP date (IMF-fixdate, RFC 9110 §5.6.7: {@code Sun, 06 Nov 1994
 * 08:49:37 GMT}), recomputed at most once per second of the given clock. Owned by one
 * {@link HttpWriter}; single-threaded.
 */
final class DateCache {
    private static final String[] DAYS = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
    private static final String[] MONTHS = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    private static final int PREFIX = "Date: ".length();
    /** Length of an IMF-fixdate. */
    static final int DATE_LENGTH = 29;

    private final Clock clock;
    /** Epoch second {@link #line} was computed for. */
    private long second = Long.MIN_VALUE;
    /** {@code "Date: <IMF-fixdate>\r\n"}. */
    private final byte[] line = "Date: Thu, 01 Jan 1970 00:00:00 GMT\r\n".getBytes(StandardCharsets.ISO_8859_1);

    DateCache(Clock clock) {
        this.clock = clock;
    }

    /** @return the bytes of the {@code Date} field line for now, CRLF included; do not modify */
    byte[] line() {
        long now = Math.floorDiv(clock.millis(), 1000);
        if (now != second) {
            format(now, line, PREFIX);
            second = now;
        }
        return line;
    }

    /** @return the IMF-fixdate for now */
    String value() {
        return new String(line(), PREFIX, DATE_LENGTH, StandardCharsets.ISO_8859_1);
    }

    /** Writes the IMF-fixdate of {@code epochSecond} (29 bytes) at {@code out[off]}. */
    static void format(long epochSecond, byte[] out, int off) {
        long day = Math.floorDiv(epochSecond, 86400);
        int secs = (int) Math.floorMod(epochSecond, 86400);
        LocalDate date = LocalDate.ofEpochDay(day);
        String s = DAYS[(int) Math.floorMod(day, 7)] + ", "
                + two(date.getDayOfMonth()) + ' ' + MONTHS[date.getMonthValue() - 1] + ' '
                + String.format("%04d", date.getYear()) + ' '
                + two(secs / 3600) + ':' + two(secs / 60 % 60) + ':' + two(secs % 60) + " GMT";
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        if (b.length != DATE_LENGTH) {
            throw new IllegalArgumentException("year out of range for an HTTP date: " + date.getYear());
        }
        System.arraycopy(b, 0, out, off, DATE_LENGTH);
    }

    private static String two(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }
}
