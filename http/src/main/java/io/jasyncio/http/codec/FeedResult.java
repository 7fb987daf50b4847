package io.jasyncio.http.codec;

/**
 * Why {@link HttpParser#feed} returned.
 *
 * <p>Immutable and thread-safe.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.CodecSnippets region=parser}
 */
public enum FeedResult {
    /** Every byte of the input was consumed; feed more when it arrives. */
    NEED_MORE,
    /**
     * The parser is paused ({@link HttpParser#pause()}, typically called from a listener
     * callback). The input's position is at the first byte not yet parsed; keep those bytes,
     * call {@link HttpParser#resume()} and feed them again.
     */
    PAUSED,
    /**
     * A message that switches protocols is complete (a request with {@code upgrade()}, a
     * {@code 101} response, or CONNECT). The input's position is at the first byte after it,
     * which belongs to the new protocol. See {@link HttpRequestParser#declineUpgrade()}.
     */
    UPGRADED
}
