package io.jasyncio.http.body;

import java.io.IOException;

/**
 * A multipart body is malformed: no boundary, a missing final boundary, malformed part headers
 * or boundary lines, or an unusable {@code Content-Type}. The message names the problem. A server
 * answers 400.
 *
 * <p>Immutable once constructed; safe to hand to another thread.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.CodecSnippets region=multipartHandler}
 */
public class MultipartException extends IOException {
    private static final long serialVersionUID = 1L;

    /** With a message that names the problem. */
    public MultipartException(String message) {
        super(message);
    }

    /** With a message and the underlying cause. */
    public MultipartException(String message, Throwable cause) {
        super(message, cause);
    }
}
