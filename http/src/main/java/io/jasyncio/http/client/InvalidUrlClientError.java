package io.jasyncio.http.client;

/**
 * A URL the client cannot request: not absolute, no host, a scheme other than http/https, or a
 * redirect whose {@code Location} is such a URL, as aiohttp's {@code InvalidUrlClientError} and
 * {@code NonHttpUrlRedirectClientError}. Immutable.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.ClientSnippets region=errors}
 */
public class InvalidUrlClientError extends ClientError {

    private static final long serialVersionUID = 1L;

    private final String url;

    /**
     * @param url the offending URL text
     * @param why what is wrong with it
     */
    public InvalidUrlClientError(String url, String why) {
        super(why + ": '" + url + "'");
        this.url = url;
    }

    /** @return the offending URL text */
    public String url() {
        return url;
    }
}
