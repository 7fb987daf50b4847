package io.jasyncio.internal.net.tls;

import io.jasyncio.EventLoop;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Scratch buffers that the TLS connections of one loop share: one for the engine's output
 * (ciphertext, handed to the socket transport, which copies what it cannot send at once) and one
 * for decrypted input (handed to the application protocol as a read-only view valid during its
 * {@code dataReceived} only, as the socket transport does). An idle TLS connection thus holds no
 * buffer of its own beyond its engine and, at most, one incomplete TLS record.
 *
 * <p>Buffers are borrowed and given back: a connection that needs one while it is lent out (a
 * protocol callback that writes to another TLS connection of the loop, for example) gets a fresh
 * one. Loop context only; the map from loops to their buffers is synchronized and weak.
 */
final class TlsBuffers {

    /** Ciphertext is flushed to the socket transport in batches of about this many bytes. */
    static final int OUT_SIZE = 256 * 1024;
    /** Decrypted bytes are handed to the application in batches of up to about this many bytes. */
    static final int IN_SIZE = 256 * 1024;

    private static final Map<EventLoop, TlsBuffers> BY_LOOP = Collections.synchronizedMap(new WeakHashMap<>());

    private ByteBuffer out;
    private ByteBuffer in;

    private TlsBuffers() {
    }

    /**
     * @param loop a loop
     * @return its buffers, made on first use
     */
    static TlsBuffers of(EventLoop loop) {
        return BY_LOOP.computeIfAbsent(loop, l -> new TlsBuffers());
    }

    /**
     * @param packetSize the engine's largest TLS record ({@code getPacketBufferSize()})
     * @return a cleared buffer with room for at least {@link #OUT_SIZE} plus one record
     */
    ByteBuffer takeOut(int packetSize) {
        ByteBuffer b = out;
        out = null;
        if (b == null || b.capacity() < OUT_SIZE + packetSize) {
            b = ByteBuffer.allocate(OUT_SIZE + packetSize);
        }
        return b.clear();
    }

    /** @param b a buffer from {@link #takeOut(int)}, no longer used */
    void giveOut(ByteBuffer b) {
        out = b;
    }

    /**
     * @param appSize the engine's largest decrypted record ({@code getApplicationBufferSize()})
     * @return a cleared buffer with room for at least {@link #IN_SIZE} plus one record
     */
    ByteBuffer takeIn(int appSize) {
        ByteBuffer b = in;
        in = null;
        if (b == null || b.capacity() < IN_SIZE + appSize) {
            b = ByteBuffer.allocate(IN_SIZE + appSize);
        }
        return b.clear();
    }

    /** @param b a buffer from {@link #takeIn(int)}, no longer used */
    void giveIn(ByteBuffer b) {
        in = b;
    }
}
