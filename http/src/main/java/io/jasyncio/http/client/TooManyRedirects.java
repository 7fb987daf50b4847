package io.jasyncio.http.client;

import io.jasyncio.http.Headers;
import java.util.List;

/**
 * A request was redirected more times than allowed (10 by default), as aiohttp's
 * {@code TooManyRedirects}; a redirect loop ends here. The status and headers are those of the
 * last redirect response; {@link #history()} holds every redirect followed. Immutable.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.ClientSnippets region=errors}
 */
public class TooManyRedirects extends ClientResponseError {

    private static final long serialVersionUID = 1L;

    /**
     * @param requestInfo the last request
     * @param history every redirect response, oldest first
     * @param status the last response's status
     * @param headers the last response's header fields
     * @param max the limit that was reached
     */
    public TooManyRedirects(RequestInfo requestInfo, List<ClientResponse> history, int status, Headers headers,
            int max) {
        super(requestInfo, history, status, "Exceeded " + max + " redirects", headers, null);
    }
}
