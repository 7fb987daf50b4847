package io.jasyncio.http.client;

/**
 * Reading from or writing to the connection failed at the operating-system level (for example a
 * reset), as aiohttp's {@code ClientOSError}; the cause is the original {@link java.io.IOException}.
 * Immutable.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.ClientSnippets region=errorTree}
 */
public class ClientOSError extends ClientConnectionError {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, naming the request
     * @param cause the original I/O failure
     */
    public ClientOSError(String message, Throwable cause) {
        super(message, cause);
    }
}
