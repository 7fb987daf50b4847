package io.jasyncio.net;

/**
 * The read side of a transport: Python's {@code asyncio.ReadTransport}. Pausing stops reading
 * from the socket, so the kernel's buffers fill up and the peer's sends eventually block: this is
 * how a slow consumer pushes back. Loop context only (see {@link BaseTransport}).
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.snippets.NetSnippets region=flowControl}
 */
public interface ReadTransport extends BaseTransport {

    /** @return whether the transport is receiving: not paused and not closing */
    boolean isReading();

    /**
     * Stops calling the protocol's data callbacks until {@link #resumeReading()}. Does nothing if
     * already paused or closing.
     */
    void pauseReading();

    /** Resumes receiving after {@link #pauseReading()}. Does nothing if not paused or closing. */
    void resumeReading();
}
