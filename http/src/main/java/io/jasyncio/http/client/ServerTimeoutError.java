package io.jasyncio.http.client;

/**
 * A deadline of {@link ClientTimeout} expired, as aiohttp's {@code ServerTimeoutError}.
 * {@link #phase()} tells which one; the message names it, its length and the request. The cause
 * is an {@link io.jasyncio.TimeoutError}, so code that looks for asyncio's timeout in the cause
 * chain finds it. A total-deadline expiry is this class itself; connect phases raise
 * {@link ConnectionTimeoutError}, a read stall {@link SocketTimeoutError}. Immutable.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.ClientSnippets region=errors}
 */
public class ServerTimeoutError extends ServerConnectionError {

    private static final long serialVersionUID = 1L;

    private final TimeoutPhase phase;
    private final double seconds;

    /**
     * @param phase the deadline that expired
     * @param seconds its length in seconds
     * @param what the request, e.g. {@code GET http://host/}
     */
    public ServerTimeoutError(TimeoutPhase phase, double seconds, String what) {
        super("Timeout: " + phase.pythonName() + " timeout of " + seconds + " s expired (" + what + ")",
                new io.jasyncio.TimeoutError(phase.pythonName() + " timeout of " + seconds + " s"));
        this.phase = phase;
        this.seconds = seconds;
    }

    /** @return which deadline expired */
    public TimeoutPhase phase() {
        return phase;
    }

    /** @return its length in seconds */
    public double seconds() {
        return seconds;
    }

    /**
     * @param phase the deadline that expired
     * @param seconds its length in seconds
     * @param what the request
     * @return the exception of the right class for the phase
     */
    static ServerTimeoutError of(TimeoutPhase phase, double seconds, String what) {
        return switch (phase) {
            case TOTAL -> new ServerTimeoutError(phase, seconds, what);
            case CONNECT, SOCK_CONNECT -> new ConnectionTimeoutError(phase, seconds, what);
            case SOCK_READ -> new SocketTimeoutError(seconds, what);
        };
    }
}
