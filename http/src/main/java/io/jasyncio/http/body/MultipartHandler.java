package io.jasyncio.http.body;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Receives the parts a {@link MultipartParser} finds, as events:
 *
 * <pre>
 *   ( partStarted  partData*  partEnded )*  completed
 * </pre>
 *
 * <p>{@link #partData} gets read-only views of the parser's input (or of the boundary bytes it
 * held back), valid only during the call: copy or write out what you need before returning, and
 * never keep the buffer. A slice is never larger than the larger of the chunk fed and the
 * delimiter length (boundary plus 6 bytes). Calls come on the thread that calls
 * {@link MultipartParser#feed}. An exception thrown here stops the parser and reaches the caller
 * of {@code feed}.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.CodecSnippets region=multipartHandler}
 */
public interface MultipartHandler {

    /** A part begins; its header section has been read. */
    void partStarted(PartHeaders headers) throws IOException;

    /** Some bytes of the current part's content. */
    void partData(ByteBuffer data) throws IOException;

    /** The current part's content is complete. */
    void partEnded() throws IOException;

    /** The close delimiter was read: there are no more parts. */
    default void completed() throws IOException {}
}
