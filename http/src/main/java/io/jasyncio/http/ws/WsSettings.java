package io.jasyncio.http.ws;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Objects;

/**
 * How an open {@link WebSocket} behaves, the keyword arguments that aiohttp's
 * {@code WebSocketResponse(...)} and {@code ws_connect(...)} share.
 *
 * <ul>
 *   <li>{@code timeout}: seconds {@link WebSocket#close} waits for the peer's close frame after
 *       sending its own (aiohttp's {@code timeout}, default 10).
 *   <li>{@code receiveTimeout}: seconds {@link WebSocket#receive()} waits for a message before
 *       throwing {@link io.jasyncio.TimeoutError}; 0 for no limit (the default).
 *   <li>{@code autoclose}: answer the peer's close frame at once and close the connection
 *       (default true); otherwise the application answers by calling {@code close()} (or the
 *       next {@code receive()} does).
 *   <li>{@code autoping}: answer pings with pongs and keep pings and pongs from the application
 *       (default true).
 *   <li>{@code heartbeat}: seconds of silence from the peer after which a ping is sent; if
 *       nothing arrives within half that time, the connection fails with close code 1006 and a
 *       pending {@code receive()} ends with an ERROR message; 0 for none (the default).
 *   <li>{@code maxMsgSize}: the largest message accepted, in bytes after decompression; a larger
 *       one fails the connection with 1009; 0 for no limit (default 4 MiB, as aiohttp).
 *   <li>{@code readLimit}: bytes of received messages queued for the application before the
 *       connection stops reading from the socket (default 64 KiB, aiohttp's {@code 2**16}).
 *   <li>{@code mapper}: the Jackson mapper of {@code sendJson} and {@code receiveJson}.
 * </ul>
 *
 * <p>Invariants: times are finite and not negative, sizes not negative, {@code readLimit}
 * positive, {@code mapper} not null. Thread rules: an immutable record (the shared mapper is
 * thread-safe once configured).
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.WsSnippets region=settings}
 *
 * @param timeout see above
 * @param receiveTimeout see above
 * @param autoclose see above
 * @param autoping see above
 * @param heartbeat see above
 * @param maxMsgSize see above
 * @param readLimit see above
 * @param mapper see above
 */
public record WsSettings(double timeout, double receiveTimeout, boolean autoclose, boolean autoping,
                         double heartbeat, int maxMsgSize, int readLimit, ObjectMapper mapper) {

    private static final ObjectMapper DEFAULT_MAPPER = new ObjectMapper();

    /** aiohttp's defaults: 10 s close timeout, no receive timeout, autoclose, autoping, no heartbeat, 4 MiB. */
    public static final WsSettings DEFAULTS = new WsSettings(10.0, 0, true, true, 0,
            WsFrameParser.DEFAULT_MAX_MSG_SIZE, 64 * 1024, DEFAULT_MAPPER);

    /** Checks the invariants above. */
    public WsSettings {
        checkSeconds("timeout", timeout);
        checkSeconds("receiveTimeout", receiveTimeout);
        checkSeconds("heartbeat", heartbeat);
        if (maxMsgSize < 0) {
            throw new IllegalArgumentException("maxMsgSize must be >= 0 (0 for no limit): " + maxMsgSize);
        }
        if (readLimit <= 0) {
            throw new IllegalArgumentException("readLimit must be > 0: " + readLimit);
        }
        Objects.requireNonNull(mapper, "mapper");
    }

    private static void checkSeconds(String name, double s) {
        if (!(s >= 0) || Double.isInfinite(s)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0 seconds: " + s);
        }
    }

    /** @param seconds the close handshake timeout @return a copy with it */
    public WsSettings withTimeout(double seconds) {
        return new WsSettings(seconds, receiveTimeout, autoclose, autoping, heartbeat, maxMsgSize, readLimit, mapper);
    }

    /** @param seconds the receive timeout, 0 for none @return a copy with it */
    public WsSettings withReceiveTimeout(double seconds) {
        return new WsSettings(timeout, seconds, autoclose, autoping, heartbeat, maxMsgSize, readLimit, mapper);
    }

    /** @param on whether to answer the peer's close at once @return a copy with it */
    public WsSettings withAutoclose(boolean on) {
        return new WsSettings(timeout, receiveTimeout, on, autoping, heartbeat, maxMsgSize, readLimit, mapper);
    }

    /** @param on whether to answer pings and hide pings and pongs @return a copy with it */
    public WsSettings withAutoping(boolean on) {
        return new WsSettings(timeout, receiveTimeout, autoclose, on, heartbeat, maxMsgSize, readLimit, mapper);
    }

    /** @param seconds the heartbeat interval, 0 for none @return a copy with it */
    public WsSettings withHeartbeat(double seconds) {
        return new WsSettings(timeout, receiveTimeout, autoclose, autoping, seconds, maxMsgSize, readLimit, mapper);
    }

    /** @param bytes the largest message, 0 for no limit @return a copy with it */
    public WsSettings withMaxMsgSize(int bytes) {
        return new WsSettings(timeout, receiveTimeout, autoclose, autoping, heartbeat, bytes, readLimit, mapper);
    }

    /** @param bytes how much received data may wait for the application @return a copy with it */
    public WsSettings withReadLimit(int bytes) {
        return new WsSettings(timeout, receiveTimeout, autoclose, autoping, heartbeat, maxMsgSize, bytes, mapper);
    }

    /** @param m the JSON mapper @return a copy with it */
    public WsSettings withMapper(ObjectMapper m) {
        return new WsSettings(timeout, receiveTimeout, autoclose, autoping, heartbeat, maxMsgSize, readLimit, m);
    }
}
