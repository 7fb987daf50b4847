package io.jasyncio.http.client;

import java.io.IOException;

/**
 * The root of the HTTP client's exceptions, as aiohttp's {@code ClientError}: every failure of
 * a request, a connection or a response body is one of its subclasses.
 *
 * <pre>
 * ClientError
 * ├── ClientResponseError            (status, URL, history)
 * │   ├── ContentTypeError           json() on a body that is not JSON
 * │   ├── TooManyRedirects
 * │   ├── ClientHttpProxyError       the proxy refused CONNECT (its status, e.g. 407)
 * │   └── InvalidResponseError       malformed status line, invalid or oversized header block
 * ├── ClientConnectionError
 * │   ├── ClientOSError              a read or write on the connection failed
 * │   │   └── ClientConnectorError   connecting to the server failed
 * │   │       └── ClientProxyConnectionError  connecting to the proxy failed
 * │   └── ServerConnectionError
 * │       ├── ServerDisconnectedError the server closed before a response was complete
 * │       └── ServerTimeoutError     a deadline of {@link ClientTimeout} expired (its phase)
 * │           ├── ConnectionTimeoutError  connect / sock_connect
 * │           └── SocketTimeoutError      sock_read
 * ├── ClientPayloadError             the response body was cut short or is corrupt
 * └── InvalidUrlClientError          a URL (or a redirect's Location) the client cannot use
 * </pre>
 *
 * <p>It is a checked {@link IOException}, as Java's network errors are. Messages name the
 * method and URL of the request. Immutable once thrown; safe to pass between threads.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.ClientSnippets region=errors}
 */
public class ClientError extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, naming the request
     */
    public ClientError(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, naming the request
     * @param cause the underlying failure, or {@code null}
     */
    public ClientError(String message, Throwable cause) {
        super(message, cause);
    }
}
