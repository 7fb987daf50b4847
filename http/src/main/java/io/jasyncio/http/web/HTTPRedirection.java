package io.jasyncio.http.web;

import java.util.Objects;

/**
 * A redirection (3xx): aiohttp's {@code web.HTTPRedirection}. Every subclass but
 * {@link HTTPNotModified} carries the {@code Location} to go to, checked when it is made: it must
 * not be empty and must not hold CR, LF or other control characters (which would split the
 * response).
 *
 * <p>Not thread-safe (confine it to the task that throws it).
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.HttpErrorSnippets region=httpException}
 */
public abstract class HTTPRedirection extends HttpException {
    private static final long serialVersionUID = 1L;

    private final String location;

    /**
     * @param status a status from 300 to 399
     * @param location the {@code Location} value, or {@code null} for none (304)
     * @param text the response body, or {@code null} for the default
     */
    protected HTTPRedirection(int status, String location, String text) {
        super(check(status), null, text, null);
        this.location = location;
        if (location != null) {
            headers().set("Location", checkLocation(location));
        }
    }

    private static int check(int status) {
        if (status < 300 || status > 399) {
            throw new IllegalArgumentException("HTTPRedirection needs a status from 300 to 399, got " + status);
        }
        return status;
    }

    private static String checkLocation(String location) {
        Objects.requireNonNull(location, "location");
        if (location.isEmpty()) {
            throw new IllegalArgumentException("a redirect needs a non-empty Location");
        }
        for (int i = 0; i < location.length(); i++) {
            char c = location.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                throw new IllegalArgumentException(String.format(
                        "Location holds the control character U+%04X at index %d (response splitting)", (int) c, i));
            }
        }
        return location;
    }

    /** @return the {@code Location} value, or {@code null} for a 304 */
    public String location() {
        return location;
    }
}
