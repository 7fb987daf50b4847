package io.jasyncio.http.cookie;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The lenient cookie-date algorithm of RFC 6265 §5.1.1, which reads the dates servers really
 * send in {@code Expires} (any order of tokens, two-digit years, junk around the parts).
 *
 * <p>The value is split into tokens at delimiters; the first token that looks like a time
 * ({@code h:m:s}), then a day of month, a month name (first three letters) and a year are taken,
 * in that order of preference per token. Two-digit years 70..99 mean 19xx and 00..69 mean 20xx.
 * The date fails if a part is missing or out of range (day 1..31, year 1601 or later, hour
 * 0..23, minute and second 0..59) or names a day that does not exist.
 *
 * <p>Stateless; {@link #parse} is pure and thread-safe.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.MessageSnippets region=cookieHeader}
 */
public final class CookieDate {
    private static final String MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";

    private CookieDate() {}

    /** Parses a cookie date; empty if the algorithm fails. */
    public static Optional<Instant> parse(String value) {
        int hour = -1;
        int minute = -1;
        int second = -1;
        int day = -1;
        int month = -1;
        int year = -1;
        int i = 0;
        int n = value.length();
        while (i < n) {
            while (i < n && isDelimiter(value.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isDelimiter(value.charAt(i))) {
                i++;
            }
            if (start == i) {
                continue;
            }
            String token = value.substring(start, i);
            int[] time;
            if (hour < 0 && (time = time(token)) != null) {
                hour = time[0];
                minute = time[1];
                second = time[2];
            } else if (day < 0 && leadingDigits(token, 1, 2) >= 0) {
                day = leadingDigits(token, 1, 2);
            } else if (month < 0 && monthOf(token) > 0) {
                month = monthOf(token);
            } else if (year < 0 && leadingDigits(token, 2, 4) >= 0) {
                year = leadingDigits(token, 2, 4);
            }
        }
        if (year >= 70 && year <= 99) {
            year += 1900;
        } else if (year >= 0 && year <= 69) {
            year += 2000;
        }
        if (hour < 0 || day < 1 || day > 31 || month < 0 || year < 1601
                || hour > 23 || minute > 59 || second > 59) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** delimiter = %x09 / %x20-2F / %x3B-40 / %x5B-60 / %x7B-7E. */
    private static boolean isDelimiter(char c) {
        return c == 0x09 || (c >= 0x20 && c <= 0x2f) || (c >= 0x3b && c <= 0x40)
                || (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7e);
    }

    /** hms-time = time-field ":" time-field ":" time-field, then optionally a non-digit and anything. */
    private static int[] time(String token) {
        int[] fields = new int[3];
        int i = 0;
        for (int f = 0; f < 3; f++) {
            int start = i;
            int v = 0;
            while (i < token.length() && i - start < 2 && isDigit(token.charAt(i))) {
                v = v * 10 + (token.charAt(i++) - '0');
            }
            if (i == start) {
                return null;
            }
            fields[f] = v;
            if (f < 2) {
                if (i >= token.length() || token.charAt(i) != ':') {
                    return null;
                }
                i++;
            }
        }
        return i == token.length() || !isDigit(token.charAt(i)) ? fields : null;
    }

    /** min..max leading digits, then the end or a non-digit; the value, or -1. */
    private static int leadingDigits(String token, int min, int max) {
        int i = 0;
        int v = 0;
        while (i < token.length() && isDigit(token.charAt(i))) {
            if (i == max) {
                return -1;
            }
            v = v * 10 + (token.charAt(i++) - '0');
        }
        return i >= min ? v : -1;
    }

    private static int monthOf(String token) {
        if (token.length() < 3) {
            return -1;
        }
        int idx = MONTHS.indexOf(token.substring(0, 3).toLowerCase(Locale.ROOT));
        return idx >= 0 && idx % 3 == 0 ? idx / 3 + 1 : -1;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
