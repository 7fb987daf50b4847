package io.jasyncio.net;

import java.io.IOException;

/**
 * A separator was not found within the reader's limit: Python's
 * {@code asyncio.LimitOverrunError}, raised by {@link StreamReader#readUntil(byte[])} (the data
 * stays in the buffer) and {@link StreamReader#readLine()} (which discards the over-long line, as
 * CPython does; where CPython's {@code readline} raises {@code ValueError}, this raises this
 * exception so that it is an {@link IOException} like every stream error).
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.snippets.NetSnippets region=limitOverrun}
 */
public class LimitOverrunError extends IOException {

    private static final long serialVersionUID = 1L;

    private final int consumed;

    /**
     * @param message what happened
     * @param consumed how many bytes should be consumed to get past the over-long chunk
     */
    public LimitOverrunError(String message, int consumed) {
        super(message);
        this.consumed = consumed;
    }

    /** @return how many bytes should be consumed to get past the over-long chunk */
    public int consumed() {
        return consumed;
    }
}
