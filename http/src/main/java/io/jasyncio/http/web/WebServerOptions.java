package io.jasyncio.http.web;

import io.jasyncio.http.codec.HttpParserOptions;
import java.time.Clock;
import java.util.Objects;

/**
 * How a {@link WebServer} treats its connections, as an immutable value with "withers":
 * {@code WebServerOptions.defaults().keepaliveTimeout(5).accessLogger(AccessLogFormat.DEFAULT.toLogger())}.
 *
 * <p>Defaults, after aiohttp where it has the setting:
 * <ul>
 *   <li>{@code keepaliveTimeout} 75 s: an idle keep-alive connection is closed after it;</li>
 *   <li>{@code headerReadTimeout} 15 s: a request head must arrive whole within this time of its
 *       first byte, else the server answers 408 and closes (slow-header attacks);</li>
 *   <li>{@code lingerTimeout} 10 s and {@code maxDiscardSize} 256 KiB: after a response, content
 *       of the request the handler did not read is read and dropped, within these bounds, so that
 *       the connection can be kept; beyond them it is closed (aiohttp's {@code lingering_time});</li>
 *   <li>{@code parserOptions}: {@link HttpParserOptions#DEFAULTS} (8 KiB request line and header
 *       section, 100 fields: 414 and 431 beyond); its body limit is not used, see
 *       {@link Application#clientMaxSize()};</li>
 *   <li>{@code bodyBufferSize} 64 KiB: request content buffered before reading from the socket
 *       pauses (see {@link BodyStream});</li>
 *   <li>{@code handlerCancellation} on: when the client disconnects, the request's handler task is
 *       cancelled (it can clean up in {@code finally});</li>
 *   <li>{@code accessLogger} none;</li>
 *   <li>{@code clock} the system clock, for {@code Date} headers and access-log times.</li>
 * </ul>
 * Durations are in seconds, as everywhere in jasyncio; zero or a negative value turns a timeout
 * off.
 *
 * <p>Immutable and thread-safe.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.WebSnippets region=accessLog}
 */
public final class WebServerOptions {

    private static final WebServerOptions DEFAULTS = new WebServerOptions(75, 15, 10, 256 * 1024,
            HttpParserOptions.DEFAULTS, 64 * 1024, true, null, Clock.systemUTC());

    private final double keepaliveTimeout;
    private final double headerReadTimeout;
    private final double lingerTimeout;
    private final long maxDiscardSize;
    private final HttpParserOptions parserOptions;
    private final int bodyBufferSize;
    private final boolean handlerCancellation;
    private final AccessLogger accessLogger;
    private final Clock clock;

    private WebServerOptions(double keepaliveTimeout, double headerReadTimeout, double lingerTimeout,
            long maxDiscardSize, HttpParserOptions parserOptions, int bodyBufferSize, boolean handlerCancellation,
            AccessLogger accessLogger, Clock clock) {
        this.keepaliveTimeout = keepaliveTimeout;
        this.headerReadTimeout = headerReadTimeout;
        this.lingerTimeout = lingerTimeout;
        this.maxDiscardSize = maxDiscardSize;
        this.parserOptions = parserOptions;
        this.bodyBufferSize = bodyBufferSize;
        this.handlerCancellation = handlerCancellation;
        this.accessLogger = accessLogger;
        this.clock = clock;
    }

    /** @return the defaults listed above */
    public static WebServerOptions defaults() {
        return DEFAULTS;
    }

    private static double seconds(double s, String what) {
        if (Double.isNaN(s)) {
            throw new IllegalArgumentException(what + " must be a number of seconds, got NaN");
        }
        return s;
    }

    /** @return seconds an idle keep-alive connection is kept; 0 or less: forever */
    public double keepaliveTimeout() {
        return keepaliveTimeout;
    }

    /**
     * @param seconds how long an idle keep-alive connection is kept; 0 or less: forever
     * @return a copy with that setting
     */
    public WebServerOptions keepaliveTimeout(double seconds) {
        return new WebServerOptions(seconds(seconds, "keepaliveTimeout"), headerReadTimeout, lingerTimeout,
                maxDiscardSize, parserOptions, bodyBufferSize, handlerCancellation, accessLogger, clock);
    }

    /** @return seconds a request head may take from its first byte; 0 or less: no limit */
    public double headerReadTimeout() {
        return headerReadTimeout;
    }

    /**
     * @param seconds how long a request head may take from its first byte; 0 or less: no limit
     * @return a copy with that setting
     */
    public WebServerOptions headerReadTimeout(double seconds) {
        return new WebServerOptions(keepaliveTimeout, seconds(seconds, "headerReadTimeout"), lingerTimeout,
                maxDiscardSize, parserOptions, bodyBufferSize, handlerCancellation, accessLogger, clock);
    }

    /** @return seconds spent reading and dropping unread request content after a response */
    public double lingerTimeout() {
        return lingerTimeout;
    }

    /**
     * @param seconds how long to read and drop unread request content after a response before
     *     closing instead; 0 or less: no limit
     * @return a copy with that setting
     */
    public WebServerOptions lingerTimeout(double seconds) {
        return new WebServerOptions(keepaliveTimeout, headerReadTimeout, seconds(seconds, "lingerTimeout"),
                maxDiscardSize, parserOptions, bodyBufferSize, handlerCancellation, accessLogger, clock);
    }

    /** @return the most unread request content read and dropped to keep a connection */
    public long maxDiscardSize() {
        return maxDiscardSize;
    }

    /**
     * @param bytes the most unread request content to read and drop after a response to keep the
     *     connection (0: always close when content is left unread)
     * @return a copy with that setting
     */
    public WebServerOptions maxDiscardSize(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("maxDiscardSize must not be negative: " + bytes);
        }
        return new WebServerOptions(keepaliveTimeout, headerReadTimeout, lingerTimeout, bytes, parserOptions,
                bodyBufferSize, handlerCancellation, accessLogger, clock);
    }

    /** @return the request parser's limits */
    public HttpParserOptions parserOptions() {
        return parserOptions;
    }

    /**
     * @param options the request parser's limits (its {@code maxBodySize} is ignored: content limits
     *     are {@link Application#clientMaxSize()}'s job)
     * @return a copy with those limits
     */
    public WebServerOptions parserOptions(HttpParserOptions options) {
        return new WebServerOptions(keepaliveTimeout, headerReadTimeout, lingerTimeout, maxDiscardSize,
                Objects.requireNonNull(options, "options").withMaxBodySize(-1), bodyBufferSize, handlerCancellation,
                accessLogger, clock);
    }

    /** @return request content bytes buffered before reading pauses */
    public int bodyBufferSize() {
        return bodyBufferSize;
    }

    /**
     * @param bytes request content bytes to buffer before reading from the socket pauses
     * @return a copy with that setting
     */
    public WebServerOptions bodyBufferSize(int bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("bodyBufferSize must be positive: " + bytes);
        }
        return new WebServerOptions(keepaliveTimeout, headerReadTimeout, lingerTimeout, maxDiscardSize,
                parserOptions, bytes, handlerCancellation, accessLogger, clock);
    }

    /** @return whether a client's disconnection cancels its request's handler */
    public boolean handlerCancellation() {
        return handlerCancellation;
    }

    /**
     * @param on whether a client's disconnection cancels its request's handler task
     * @return a copy with that setting
     */
    public WebServerOptions handlerCancellation(boolean on) {
        return new WebServerOptions(keepaliveTimeout, headerReadTimeout, lingerTimeout, maxDiscardSize,
                parserOptions, bodyBufferSize, on, accessLogger, clock);
    }

    /** @return the access logger, or {@code null} for none */
    public AccessLogger accessLogger() {
        return accessLogger;
    }

    /**
     * @param logger called after every response, or {@code null} for no access log
     * @return a copy with that logger
     */
    public WebServerOptions accessLogger(AccessLogger logger) {
        return new WebServerOptions(keepaliveTimeout, headerReadTimeout, lingerTimeout, maxDiscardSize,
                parserOptions, bodyBufferSize, handlerCancellation, logger, clock);
    }

    /** @return the clock for {@code Date} headers and access-log times */
    public Clock clock() {
        return clock;
    }

    /**
     * @param clock the clock for {@code Date} headers and access-log times (a fixed clock makes
     *     responses byte-for-byte reproducible in tests)
     * @return a copy with that clock
     */
    public WebServerOptions clock(Clock clock) {
        return new WebServerOptions(keepaliveTimeout, headerReadTimeout, lingerTimeout, maxDiscardSize,
                parserOptions, bodyBufferSize, handlerCancellation, accessLogger, Objects.requireNonNull(clock, "clock"));
    }

    @Override
    public String toString() {
        return "WebServerOptions[keepaliveTimeout=" + keepaliveTimeout + ", headerReadTimeout=" + headerReadTimeout
                + ", lingerTimeout=" + lingerTimeout + ", maxDiscardSize=" + maxDiscardSize + ", parserOptions="
                + parserOptions + ", bodyBufferSize=" + bodyBufferSize + ", handlerCancellation="
                + handlerCancellation + ", accessLogger=" + accessLogger + ", clock=" + clock + "]";
    }
}
