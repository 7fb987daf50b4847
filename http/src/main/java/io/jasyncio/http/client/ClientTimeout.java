package io.jasyncio.http.client;

import java.time.Duration;

/**
 * The deadlines of a request, as aiohttp's {@code ClientTimeout}. Each is in seconds, or
 * {@code null} / non-positive for none.
 *
 * <ul>
 *   <li>{@code total} (default 300 s): the whole operation, from the start of the request through
 *       connecting, sending, redirects and reading the response body.</li>
 *   <li>{@code connect} (default none): getting a connection, including the wait for a pool slot
 *       and connecting a new one.</li>
 *   <li>{@code sockConnect} (default 30 s): connecting a new socket (resolution, TCP, TLS).</li>
 *   <li>{@code sockRead} (default none): the longest wait for the next bytes from the server
 *       while reading the response head or body.</li>
 * </ul>
 * An expiry raises {@link ServerTimeoutError} (or its subclasses) naming the phase. Every wait is
 * bounded by the smallest deadline that applies to it. These are aiohttp 3.10's defaults.
 *
 * <p>Immutable and thread-safe.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.ClientSnippets region=connector}
 *
 * @param total the whole request, or {@code null}
 * @param connect getting a connection, or {@code null}
 * @param sockConnect connecting a socket, or {@code null}
 * @param sockRead the next bytes from the server, or {@code null}
 */
public record ClientTimeout(Duration total, Duration connect, Duration sockConnect, Duration sockRead) {

    /** total 300 s, sock_connect 30 s, the others none. */
    public static final ClientTimeout DEFAULT = new ClientTimeout(Duration.ofSeconds(300), null,
            Duration.ofSeconds(30), null);

    /** No deadline at all. */
    public static final ClientTimeout NONE = new ClientTimeout(null, null, null, null);

    /** Turns zero or negative durations into {@code null} (no deadline). */
    public ClientTimeout {
        total = positive(total);
        connect = positive(connect);
        sockConnect = positive(sockConnect);
        sockRead = positive(sockRead);
    }

    /**
     * @param seconds the total deadline
     * @return {@link #DEFAULT} with that total
     */
    public static ClientTimeout ofTotal(double seconds) {
        return DEFAULT.withTotal(seconds);
    }

    /** @param seconds the new total, or 0 for none @return a copy */
    public ClientTimeout withTotal(double seconds) {
        return new ClientTimeout(of(seconds), connect, sockConnect, sockRead);
    }

    /** @param seconds the new connect deadline, or 0 for none @return a copy */
    public ClientTimeout withConnect(double seconds) {
        return new ClientTimeout(total, of(seconds), sockConnect, sockRead);
    }

    /** @param seconds the new sock_connect deadline, or 0 for none @return a copy */
    public ClientTimeout withSockConnect(double seconds) {
        return new ClientTimeout(total, connect, of(seconds), sockRead);
    }

    /** @param seconds the new sock_read deadline, or 0 for none @return a copy */
    public ClientTimeout withSockRead(double seconds) {
        return new ClientTimeout(total, connect, sockConnect, of(seconds));
    }

    /**
     * @param phase a phase
     * @return its deadline in seconds, or {@link Double#POSITIVE_INFINITY} for none
     */
    public double seconds(TimeoutPhase phase) {
        Duration d = switch (phase) {
            case TOTAL -> total;
            case CONNECT -> connect;
            case SOCK_CONNECT -> sockConnect;
            case SOCK_READ -> sockRead;
        };
        return d == null ? Double.POSITIVE_INFINITY : d.toNanos() / 1e9;
    }

    private static Duration of(double seconds) {
        if (Double.isNaN(seconds)) {
            throw new IllegalArgumentException("timeout is NaN");
        }
        return seconds <= 0 || Double.isInfinite(seconds) ? null : Duration.ofNanos((long) (seconds * 1e9));
    }

    private static Duration positive(Duration d) {
        return d == null || d.isNegative() || d.isZero() ? null : d;
    }
}
