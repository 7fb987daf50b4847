package io.jasyncio.http.client;

import io.jasyncio.EventLoop;
import java.lang.ref.Cleaner;
import java.util.Map;

/**
 * Reports a {@link ClientSession} that was garbage-collected without being closed, as aiohttp's
 * "Unclosed client session" warning: through the exception handler of the loop it was used on
 * (from that loop's thread), or the {@code io.jasyncio} logger if it was never used or the loop
 * is closed. A connector the session owned is closed on the loop.
 *
 * <p>Holds no reference to the session. {@code closed} and {@code loop} are written on the loop
 * and read by the cleaner's thread, hence volatile.
 */
final class SessionLeak implements Runnable {

    private static final Cleaner CLEANER = Cleaner.create();
    private static final System.Logger LOG = System.getLogger("io.jasyncio");

    private final String description;
    private final TcpConnector ownedConnector;
    private final Cleaner.Cleanable cleanable;
    volatile boolean closed;
    volatile EventLoop loop;

    private SessionLeak(Object session, String description, TcpConnector ownedConnector) {
        this.description = description;
        this.ownedConnector = ownedConnector;
        this.cleanable = CLEANER.register(session, this);
    }

    static SessionLeak watch(Object session, String description, TcpConnector ownedConnector) {
        return new SessionLeak(session, description, ownedConnector);
    }

    /** Marks the session closed and unregisters it. */
    void closed() {
        closed = true;
        cleanable.clean();
    }

    @Override
    public void run() {
        if (closed) {
            return;
        }
        EventLoop l = loop;
        String message = "Unclosed client session: " + description + " (close it, e.g. with try-with-resources)";
        if (l != null && !l.isClosed()) {
            l.callSoonThreadsafe(() -> {
                l.callExceptionHandler(Map.of("message", message, "client_session", description));
                if (ownedConnector != null) {
                    ownedConnector.close();
                }
            });
        } else {
            LOG.log(System.Logger.Level.WARNING, message);
        }
    }
}
