package io.jasyncio.http.client;

/**
 * Which deadline of a {@link ClientTimeout} expired; carried by {@link ServerTimeoutError}.
 * Immutable.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.ClientSnippets region=timeoutPhase}
 */
public enum TimeoutPhase {
    /** The whole operation: connecting, sending, and reading the response including its body. */
    TOTAL("total"),
    /** Getting a connection: waiting for a pool slot plus connecting. */
    CONNECT("connect"),
    /** Connecting a new socket (and resolving the name) only. */
    SOCK_CONNECT("sock_connect"),
    /** The longest wait for the next bytes from the server. */
    SOCK_READ("sock_read");

    private final String pythonName;

    TimeoutPhase(String pythonName) {
        this.pythonName = pythonName;
    }

    /** @return aiohttp's name for the field, e.g. {@code sock_read} */
    public String pythonName() {
        return pythonName;
    }
}
