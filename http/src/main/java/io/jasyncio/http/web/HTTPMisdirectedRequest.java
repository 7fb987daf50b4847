package io.jasyncio.http.web;

/**
 * 421: the request reached a server that cannot answer for its authority. aiohttp's {@code web.HTTPMisdirectedRequest}; the default body is the status and its reason
 * phrase, as {@link HttpException} describes. Not thread-safe (confine it to the task that
 * throws it).
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.HttpErrorSnippets region=HTTPMisdirectedRequest}
 */
public class HTTPMisdirectedRequest extends HTTPClientError {
    private static final long serialVersionUID = 1L;

    /** With the default body. */
    public HTTPMisdirectedRequest() {
        super(421, null);
    }

    /**
     * @param text the response body (sent as {@code text/plain; charset=utf-8})
     */
    public HTTPMisdirectedRequest(String text) {
        super(421, text);
    }
}
