package io.jasyncio.http.codec;

import io.jasyncio.http.Headers;
import java.nio.ByteBuffer;

/**
 * Receives the parts of each HTTP/1.x message, in wire order, from an {@link HttpParser}.
 *
 * <p>Call order, per message ({@code *}: zero or more, {@code ?}: at most once):
 * <pre>
 *   onHead [onBody*] [onTrailers?] onMessageComplete
 * </pre>
 * Pipelined messages follow one another in the same order. Callbacks run on the thread that
 * calls {@code feed}/{@code feedEof}, from inside that call.
 *
 * <p>A callback may call {@link HttpParser#pause()} on its parser: the current {@code feed}
 * returns {@link FeedResult#PAUSED} right after the callback, before any further event. A
 * callback that throws leaves the parser failed (it refuses further input) and the exception
 * propagates out of {@code feed}.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.CodecSnippets region=parser}
 *
 * @param <H> {@link io.jasyncio.http.RequestHead} or {@link io.jasyncio.http.ResponseHead}
 */
public interface HttpMessageListener<H> {

    /**
     * The start line and headers of a message were parsed.
     *
     * @param head the parsed head; its headers are frozen
     */
    void onHead(H head);

    /**
     * Some content bytes of the current message, already de-chunked.
     *
     * <p>Zero copy: {@code content} is a slice of the buffer passed to {@code feed}, sharing its
     * bytes. It stays valid as long as the caller does not overwrite that buffer (typically until
     * the next read into it), so copy what must outlive that.
     *
     * @param content the bytes, position 0 to limit; never empty
     */
    default void onBody(ByteBuffer content) {
    }

    /**
     * The trailer fields of a chunked message; called only when there is at least one.
     *
     * @param trailers the trailer fields; frozen
     */
    default void onTrailers(Headers trailers) {
    }

    /** The current message ended; the next callback, if any, is the next message's {@code onHead}. */
    void onMessageComplete();
}
