package io.jasyncio.http.encoding;

import java.io.IOException;

/**
 * A content-coded body could not be decoded: corrupt or truncated data, an unsupported coding,
 * or (as the subclass {@link DecodedSizeExceededException}) too much output. A client reports it
 * for the response; a server answers 400 (or 413 for the subclass) or 415 for an unsupported
 * coding.
 *
 * <p>Immutable once constructed; safe to hand to another thread.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.CodecSnippets region=decodingErrors}
 */
public class ContentDecodingException extends IOException {
    private static final long serialVersionUID = 1L;

    /** With a message that names the problem. */
    public ContentDecodingException(String message) {
        super(message);
    }

    /** With a message and the underlying cause. */
    public ContentDecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
