package io.jasyncio.http.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * An access-log line format in aiohttp's (Apache-like) syntax, and the {@link AccessLogger} that
 * writes it.
 *
 * <table>
 *   <caption>Directives</caption>
 *   <tr><td>{@code %a}</td><td>the client's IP address ({@code -} if unknown)</td></tr>
 *   <tr><td>{@code %t}</td><td>when the request arrived: {@code [22/Nov/2026:10:00:00 +0000]}</td></tr>
 *   <tr><td>{@code %P}</td><td>the process id</td></tr>
 *   <tr><td>{@code %r}</td><td>the request line: {@code GET /path?q HTTP/1.1}</td></tr>
 *   <tr><td>{@code %s}</td><td>the response status</td></tr>
 *   <tr><td>{@code %b}</td><td>the response body's size in bytes, as sent</td></tr>
 *   <tr><td>{@code %T} / {@code %Tf} / {@code %D}</td><td>time taken: whole seconds, seconds with six decimals, microseconds</td></tr>
 *   <tr><td>{@code %{Name}i} / {@code %{Name}o}</td><td>a request / response header ({@code -} if absent)</td></tr>
 *   <tr><td>{@code %%}</td><td>a percent sign</td></tr>
 * </table>
 * Anything else is copied as is. The default, {@link #DEFAULT}, is aiohttp's:
 * {@code %a %t "%r" %s %b "%{Referer}i" "%{User-Agent}i"}.
 *
 * <p>Immutable and thread-safe; its loggers too (they share nothing but the sink).
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.WebSnippets region=accessLog}
 */
public final class AccessLogFormat {

    /** aiohttp's default access-log format. */
    public static final String DEFAULT = "%a %t \"%r\" %s %b \"%{Referer}i\" \"%{User-Agent}i\"";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("'['dd/MMM/yyyy:HH:mm:ss Z']'",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    private enum Kind { LITERAL, REMOTE, TIME, PID, LINE, STATUS, BYTES, SECONDS, SECONDS_F, MICROS, REQ_HEADER, RESP_HEADER }

    private record Atom(Kind kind, String arg) {
    }

    private final String format;
    private final List<Atom> atoms;

    private AccessLogFormat(String format, List<Atom> atoms) {
        this.format = format;
        this.atoms = List.copyOf(atoms);
    }

    /**
     * @param format the format
     * @return it compiled
     * @throws IllegalArgumentException for an unknown directive or an unclosed <code>%{</code>
     */
    public static AccessLogFormat parse(String format) {
        List<Atom> atoms = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        int n = format.length();
        for (int i = 0; i < n; i++) {
            char c = format.charAt(i);
            if (c != '%') {
                lit.append(c);
                continue;
            }
            if (i + 1 >= n) {
                throw new IllegalArgumentException("access log format ends with a lone '%': " + format);
            }
            char d = format.charAt(++i);
            Atom a;
            switch (d) {
                case '%' -> {
                    lit.append('%');
                    continue;
                }
                case 'a' -> a = new Atom(Kind.REMOTE, null);
                case 't' -> a = new Atom(Kind.TIME, null);
                case 'P' -> a = new Atom(Kind.PID, null);
                case 'r' -> a = new Atom(Kind.LINE, null);
                case 's' -> a = new Atom(Kind.STATUS, null);
                case 'b' -> a = new Atom(Kind.BYTES, null);
                case 'D' -> a = new Atom(Kind.MICROS, null);
                case 'T' -> {
                    if (i + 1 < n && format.charAt(i + 1) == 'f') {
                        i++;
                        a = new Atom(Kind.SECONDS_F, null);
                    } else {
                        a = new Atom(Kind.SECONDS, null);
                    }
                }
                case '{' -> {
                    int close = format.indexOf('}', i);
                    if (close < 0 || close + 1 >= n) {
                        throw new IllegalArgumentException("unclosed %{...} in access log format: " + format);
                    }
                    String name = format.substring(i + 1, close);
                    char kind = format.charAt(close + 1);
                    if (kind != 'i' && kind != 'o') {
                        throw new IllegalArgumentException("%{" + name + "}" + kind
                                + " is not supported in the access log format (use i or o)");
                    }
                    a = new Atom(kind == 'i' ? Kind.REQ_HEADER : Kind.RESP_HEADER, name);
                    i = close + 1;
                }
                default -> throw new IllegalArgumentException("unknown directive %" + d + " in access log format: " + format);
            }
            if (!lit.isEmpty()) {
                atoms.add(new Atom(Kind.LITERAL, lit.toString()));
                lit.setLength(0);
            }
            atoms.add(a);
        }
        if (!lit.isEmpty()) {
            atoms.add(new Atom(Kind.LITERAL, lit.toString()));
        }
        return new AccessLogFormat(format, atoms);
    }

    /**
     * Formats one line.
     *
     * @param request the request
     * @param response its response
     * @param seconds time taken
     * @param start when the request arrived
     * @return the line
     */
    public String format(Request request, StreamResponse response, double seconds, Instant start) {
        StringBuilder sb = new StringBuilder(128);
        for (Atom a : atoms) {
            switch (a.kind) {
                case LITERAL -> sb.append(a.arg);
                case REMOTE -> sb.append(Objects.requireNonNullElse(request.remote(), "-"));
                case TIME -> sb.append(TIME.format(start));
                case PID -> sb.append(ProcessHandle.current().pid());
                case LINE -> sb.append(request.method()).append(' ').append(request.target()).append(' ')
                        .append(request.version().text());
                case STATUS -> sb.append(response.status());
                case BYTES -> sb.append(response.bodyLength());
                case SECONDS -> sb.append((long) seconds);
                case SECONDS_F -> sb.append(String.format(Locale.ROOT, "%.6f", seconds));
                case MICROS -> sb.append(Math.round(seconds * 1e6));
                case REQ_HEADER -> sb.append(Objects.requireNonNullElse(request.header(a.arg), "-"));
                case RESP_HEADER -> sb.append(Objects.requireNonNullElse(response.headers().get(a.arg), "-"));
            }
        }
        return sb.toString();
    }

    /**
     * @return a logger that writes each line at INFO to the {@link System.Logger} named
     *     {@code io.jasyncio.http.web.access} (aiohttp's {@code aiohttp.access})
     */
    public AccessLogger toLogger() {
        System.Logger log = System.getLogger("io.jasyncio.http.web.access");
        return toLogger(line -> log.log(System.Logger.Level.INFO, line), Clock.systemUTC());
    }

    /**
     * @param sink receives each line
     * @param clock the clock that dates requests
     * @return a logger that formats each request and hands the line to {@code sink}
     */
    public AccessLogger toLogger(Consumer<String> sink, Clock clock) {
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(clock, "clock");
        return (req, resp, secs) -> sink.accept(format(req, resp, secs,
                clock.instant().minus(Duration.ofNanos((long) (secs * 1e9)))));
    }

    @Override
    public String toString() {
        return format;
    }
}
