package io.jasyncio.http.mime;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The HTTP-date format of RFC 9110 §5.6.7.
 *
 * <p>{@link #format(Instant)} always writes the preferred IMF-fixdate form
 * ({@code Sun, 06 Nov 1994 08:49:37 GMT}). {@link #parse(String)} accepts all three forms a
 * recipient must accept: IMF-fixdate, the obsolete RFC 850 form
 * ({@code Sunday, 06-Nov-94 08:49:37 GMT}) and the C {@code asctime()} form
 * ({@code Sun Nov  6 08:49:37 1994}). Parsing never throws for bad input: a value that is not a
 * valid HTTP-date yields an empty {@code Optional}, because HTTP says to ignore such header
 * fields. Day and month names are matched case-insensitively; the day name is checked to be a day
 * name but not checked against the date.
 *
 * <p>Stateless; every method is pure and safe to call from any thread.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.MessageSnippets region=httpDate}
 */
public final class HttpDate {
    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] LONG_DAYS = {
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    private static final String[] MONTHS = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private HttpDate() {}

    /**
     * Formats an instant as IMF-fixdate, dropping any fraction of a second.
     *
     * @throws IllegalArgumentException if the year is outside 0000..9999, which HTTP cannot express
     */
    public static String format(Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        if (t.getYear() < 0 || t.getYear() > 9999) {
            throw new IllegalArgumentException("HTTP-date cannot express the year " + t.getYear());
        }
        StringBuilder sb = new StringBuilder(29);
        sb.append(DAYS[t.getDayOfWeek().getValue() - 1]).append(", ");
        two(sb, t.getDayOfMonth()).append(' ').append(MONTHS[t.getMonthValue() - 1]).append(' ');
        two(sb, t.getYear() / 100);
        two(sb, t.getYear() % 100).append(' ');
        two(sb, t.getHour()).append(':');
        two(sb, t.getMinute()).append(':');
        two(sb, t.getSecond()).append(" GMT");
        return sb.toString();
    }

    /**
     * Parses any of the three HTTP-date forms. Two-digit RFC 850 years are placed per RFC 9110:
     * a year more than 50 years in the future (by the system clock) means the previous century.
     */
    public static Optional<Instant> parse(String value) {
        return parse(value, Clock.systemUTC());
    }

    /** As {@link #parse(String)}, with the clock that decides the century of RFC 850 years. */
    public static Optional<Instant> parse(String value, Clock clock) {
        if (value == null) {
            return Optional.empty();
        }
        String s = value.strip();
        int comma = s.indexOf(',');
        if (comma == 3) {
            return imfFixdate(s);
        }
        if (comma > 3) {
            return rfc850(s, comma, clock);
        }
        return asctime(s);
    }

    // "Sun, 06 Nov 1994 08:49:37 GMT"
    private static Optional<Instant> imfFixdate(String s) {
        if (s.length() != 29 || index(DAYS, s.substring(0, 3)) < 0 || s.charAt(4) != ' '
                || s.charAt(7) != ' ' || s.charAt(11) != ' ' || s.charAt(16) != ' '
                || !s.regionMatches(25, " GMT", 0, 4)) {
            return Optional.empty();
        }
        int day = digits(s, 5, 2);
        int month = index(MONTHS, s.substring(8, 11)) + 1;
        int year = digits(s, 12, 4);
        return build(year, month, day, s, 17);
    }

    // "Sunday, 06-Nov-94 08:49:37 GMT"
    private static Optional<Instant> rfc850(String s, int comma, Clock clock) {
        int p = comma + 1;
        if (index(LONG_DAYS, s.substring(0, comma)) < 0 || s.length() != p + 23
                || s.charAt(p) != ' ' || s.charAt(p + 3) != '-' || s.charAt(p + 7) != '-'
                || s.charAt(p + 10) != ' ' || !s.regionMatches(p + 19, " GMT", 0, 4)) {
            return Optional.empty();
        }
        int day = digits(s, p + 1, 2);
        int month = index(MONTHS, s.substring(p + 4, p + 7)) + 1;
        int yy = digits(s, p + 8, 2);
        if (yy < 0) {
            return Optional.empty();
        }
        int thisYear = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).getYear();
        int year = thisYear - Math.floorMod(thisYear, 100) + yy;
        if (year > thisYear + 50) {
            year -= 100;
        }
        return build(year, month, day, s, p + 11);
    }

    // "Sun Nov  6 08:49:37 1994"
    private static Optional<Instant> asctime(String s) {
        if (s.length() != 24 || index(DAYS, s.substring(0, 3)) < 0 || s.charAt(3) != ' '
                || s.charAt(7) != ' ' || s.charAt(10) != ' ' || s.charAt(19) != ' ') {
            return Optional.empty();
        }
        int month = index(MONTHS, s.substring(4, 7)) + 1;
        int day = s.charAt(8) == ' ' ? digits(s, 9, 1) : digits(s, 8, 2);
        int year = digits(s, 20, 4);
        return build(year, month, day, s, 11);
    }

    /** Reads "HH:MM:SS" at {@code at} and assembles the instant, or empty if anything is invalid. */
    private static Optional<Instant> build(int year, int month, int day, String s, int at) {
        if (s.charAt(at + 2) != ':' || s.charAt(at + 5) != ':') {
            return Optional.empty();
        }
        int hour = digits(s, at, 2);
        int minute = digits(s, at + 3, 2);
        int second = digits(s, at + 6, 2);
        if (year < 0 || month < 1 || day < 0 || hour < 0 || minute < 0 || second < 0
                || second > 60) {
            return Optional.empty();
        }
        try {
            // A leap second (:60) is representable in the grammar but not in Instant.
            LocalDateTime t = LocalDateTime.of(year, month, day, hour, minute, Math.min(second, 59));
            return Optional.of(t.toInstant(ZoneOffset.UTC));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The decimal value of {@code n} ASCII digits at {@code at}, or -1 if any is not a digit. */
    private static int digits(String s, int at, int n) {
        int v = 0;
        for (int i = at; i < at + n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static int index(String[] names, String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    private static StringBuilder two(StringBuilder sb, int v) {
        return sb.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }
}
