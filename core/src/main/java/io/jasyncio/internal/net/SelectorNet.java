package io.jasyncio.internal.net;

import io.jasyncio.internal.loop.SelectorEventLoop;
import java.nio.ByteBuffer;

/**
 * The networking state one selector loop shares among its transports: a direct read buffer that
 * every socket reads into (the loop runs one handler at a time, and a protocol sees the bytes only
 * during its {@code dataReceived}), a reused read-only view of it, and a direct scratch buffer
 * that heap data is copied into before a write system call. Made on the loop's first networking
 * call. Loop context only.
 */
public final class SelectorNet {

    /** How much one read may take, as CPython's selector transports ({@code max_size}). */
    public static final int READ_BUFFER_SIZE = 256 * 1024;
    /** The largest single write system call made from heap data. */
    public static final int WRITE_SCRATCH_SIZE = 256 * 1024;

    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_BUFFER_SIZE);
    private final ByteBuffer readView = readBuffer.asReadOnlyBuffer();
    private final ByteBuffer writeScratch = ByteBuffer.allocateDirect(WRITE_SCRATCH_SIZE);

    /**
     * @param loop a selector loop
     * @return its networking state
     */
    public static SelectorNet of(SelectorEventLoop loop) {
        return loop.net();
    }

    /** @return the shared read buffer (clear it before use) */
    ByteBuffer readBuffer() {
        return readBuffer;
    }

    /** @return the read-only view of the read buffer handed to protocols */
    ByteBuffer readView() {
        return readView;
    }

    /** @return the direct scratch buffer for writes of heap data */
    ByteBuffer writeScratch() {
        return writeScratch;
    }
}
