package io.jasyncio.net;

import java.io.EOFException;

/**
 * The stream ended before a read could complete: Python's {@code asyncio.IncompleteReadError},
 * raised by {@link StreamReader#readExactly(int)} and {@link StreamReader#readUntil(byte[])}. It
 * carries the bytes that were read before the end, which are no longer in the reader's buffer.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.snippets.NetSnippets region=incompleteRead}
 */
public class IncompleteReadError extends EOFException {

    private static final long serialVersionUID = 1L;

    private final transient byte[] partial;
    private final int expected;

    /**
     * @param partial the bytes read before the end of the stream
     * @param expected how many bytes were expected, or {@code -1} when reading up to a separator
     */
    public IncompleteReadError(byte[] partial, int expected) {
        super(partial.length + " bytes read on a total of " + (expected < 0 ? "undefined" : Integer.toString(expected))
                + " expected bytes");
        this.partial = partial;
        this.expected = expected;
    }

    /** @return the bytes read before the end of the stream (the caller's to keep) */
    public byte[] partial() {
        return partial;
    }

    /** @return how many bytes were expected, or {@code -1} when reading up to a separator */
    public int expected() {
        return expected;
    }
}
