package io.jasyncio.http.client;

/**
 * The response body could not be read completely: the server closed the connection before the
 * body ended (fewer bytes than {@code Content-Length}, or in the middle of the chunked coding), a
 * chunk size was invalid, or the content coding was corrupt, as aiohttp's
 * {@code ClientPayloadError}. The message names the request and what was wrong; the cause is the
 * codec's exception. The connection is closed, never reused. Immutable.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.ClientSnippets region=errorTree}
 */
public class ClientPayloadError extends ClientError {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, naming the request
     * @param cause the underlying failure, or {@code null}
     */
    public ClientPayloadError(String message, Throwable cause) {
        super(message, cause);
    }
}
