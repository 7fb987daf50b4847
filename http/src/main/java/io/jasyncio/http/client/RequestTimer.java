package io.jasyncio.http.client;

import io.jasyncio.EventLoop;
import java.io.IOException;

/**
 * The deadlines of one request (a {@link ClientTimeout} made absolute): the total deadline runs
 * from the start of the request, the connect deadline from the start of each connection
 * acquisition. Each suspending step is bounded by the nearest deadline that applies to it, and
 * an expiry names that deadline's phase.
 *
 * <p>Loop-confined.
 */
final class RequestTimer {

    private final EventLoop loop;
    private final ClientTimeout timeout;
    private final String what;
    private final double totalEnd;
    private double connectEnd = Double.POSITIVE_INFINITY;

    RequestTimer(EventLoop loop, ClientTimeout timeout, String what) {
        this.loop = loop;
        this.timeout = timeout;
        this.what = what;
        this.totalEnd = loop.time() + timeout.seconds(TimeoutPhase.TOTAL);
    }

    /** Starts the connect deadline for one connection acquisition. */
    void startConnect() {
        connectEnd = loop.time() + timeout.seconds(TimeoutPhase.CONNECT);
    }

    /** Bounds waiting for a pool slot: total and connect. */
    <T> T queued(IoCall<T> step) throws IOException {
        return bounded(step, TimeoutPhase.CONNECT, Double.POSITIVE_INFINITY);
    }

    /** Bounds connecting a new socket: total, connect and sock_connect. */
    <T> T sockConnect(IoCall<T> step) throws IOException {
        return bounded(step, TimeoutPhase.CONNECT, timeout.seconds(TimeoutPhase.SOCK_CONNECT));
    }

    /** Bounds one read from the server: total and sock_read. */
    <T> T read(IoCall<T> step) throws IOException {
        return bounded(step, null, timeout.seconds(TimeoutPhase.SOCK_READ));
    }

    /** Bounds sending: total only. */
    <T> T write(IoCall<T> step) throws IOException {
        return bounded(step, null, Double.POSITIVE_INFINITY);
    }

    private <T> T bounded(IoCall<T> step, TimeoutPhase absolute, double relative) throws IOException {
        double now = loop.time();
        TimeoutPhase phase = TimeoutPhase.TOTAL;
        double limit = totalEnd - now;
        if (absolute == TimeoutPhase.CONNECT && connectEnd - now <= limit) {
            phase = TimeoutPhase.CONNECT;
            limit = connectEnd - now;
        }
        if (relative <= limit) {
            phase = absolute == null ? TimeoutPhase.SOCK_READ : TimeoutPhase.SOCK_CONNECT;
            limit = relative;
        }
        TimeoutPhase p = phase;
        return Deadline.run(limit, () -> ServerTimeoutError.of(p, timeout.seconds(p), what), step);
    }
}
