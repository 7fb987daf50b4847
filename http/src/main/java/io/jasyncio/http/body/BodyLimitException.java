package io.jasyncio.http.body;

import java.io.IOException;

/**
 * A body exceeded a configured limit (number of parts or fields, size of a part's headers, bytes
 * buffered). The message names the limit. A server answers 413.
 *
 * <p>Immutable once constructed; safe to hand to another thread.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.CodecSnippets region=multipartHandler}
 */
public class BodyLimitException extends IOException {
    private static final long serialVersionUID = 1L;

    /** With a message that names the limit. */
    public BodyLimitException(String message) {
        super(message);
    }
}
