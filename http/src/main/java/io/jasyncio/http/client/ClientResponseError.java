package io.jasyncio.http.client;

import io.jasyncio.http.Headers;
import java.util.List;

/**
 * A response arrived but is an error: a status of 400 or more under
 * {@link ClientResponse#raiseForStatus()}, too many redirects, an unusable head, or a body of
 * the wrong type, as aiohttp's {@code ClientResponseError}. It names the status and the request.
 *
 * <p>Immutable; safe to pass between threads.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.ClientSnippets region=errors}
 */
public class ClientResponseError extends ClientError {

    private static final long serialVersionUID = 1L;

    private final transient RequestInfo requestInfo;
    private final transient List<ClientResponse> history;
    private final int status;
    private final String reason;
    private final transient Headers headers;

    /**
     * @param requestInfo the request
     * @param history the redirect responses that led to it, oldest first
     * @param status the status code (or, for a head that could not be parsed, 502)
     * @param reason the reason phrase or what was wrong
     * @param headers the response's header fields, or {@link Headers#EMPTY}
     * @param cause the underlying failure, or {@code null}
     */
    public ClientResponseError(RequestInfo requestInfo, List<ClientResponse> history, int status, String reason,
            Headers headers, Throwable cause) {
        this(status + ", message='" + reason + "', url='" + requestInfo.url() + "'", requestInfo, history, status,
                reason, headers, cause);
    }

    /**
     * For subclasses that word the message themselves.
     *
     * @param message what went wrong, naming the status and where it came from
     * @param requestInfo the request
     * @param history the redirect responses that led to it, oldest first
     * @param status the status code
     * @param reason the reason phrase or what was wrong
     * @param headers the response's header fields, or {@link Headers#EMPTY}
     * @param cause the underlying failure, or {@code null}
     */
    protected ClientResponseError(String message, RequestInfo requestInfo, List<ClientResponse> history, int status,
            String reason, Headers headers, Throwable cause) {
        super(message, cause);
        this.requestInfo = requestInfo;
        this.history = List.copyOf(history);
        this.status = status;
        this.reason = reason;
        this.headers = headers;
    }

    /** @return the request that got this response */
    public RequestInfo requestInfo() {
        return requestInfo;
    }

    /** @return the redirect responses before it, oldest first */
    public List<ClientResponse> history() {
        return history;
    }

    /** @return the status code */
    public int status() {
        return status;
    }

    /** @return the reason phrase, or what was wrong */
    public String reason() {
        return reason;
    }

    /** @return the response's header fields */
    public Headers headers() {
        return headers;
    }
}
