package io.jasyncio.internal.net;

import io.jasyncio.EventLoop;
import io.jasyncio.net.BaseProtocol;
import io.jasyncio.net.BaseTransport;
import io.jasyncio.net.WriteTransport;

/**
 * A stream transport's write flow control: the high- and low-water marks and whether the protocol
 * was told to pause. {@code pauseWriting} is called when the buffered size grows above the high
 * mark, {@code resumeWriting} when it falls to the low one; they strictly alternate, starting with
 * a pause. A failing callback is reported to the loop's exception handler. Loop-confined.
 */
public final class WriteFlow {

    private final EventLoop loop;
    private final BaseTransport transport;
    private int high = WriteTransport.DEFAULT_HIGH_WATER;
    private int low = WriteTransport.DEFAULT_HIGH_WATER / 4;
    private boolean paused;

    /**
     * @param loop the transport's loop
     * @param transport the transport, named in error reports
     */
    public WriteFlow(EventLoop loop, BaseTransport transport) {
        this.loop = loop;
        this.transport = transport;
    }

    /**
     * @param high the high-water mark
     * @param low the low-water mark
     * @throws IllegalArgumentException unless {@code high >= low >= 0}
     */
    public void setLimits(int high, int low) {
        TransportSupport.checkWriteBufferLimits(high, low);
        this.high = high;
        this.low = low;
    }

    /** @return {@code {low, high}}, as {@code get_write_buffer_limits()} */
    public int[] limits() {
        return new int[] {low, high};
    }

    /**
     * Pauses the protocol if {@code buffered} is above the high mark and it is not paused.
     *
     * @param buffered the bytes buffered now
     * @param protocol the transport's protocol
     */
    public void grew(long buffered, BaseProtocol protocol) {
        if (buffered <= high || paused) {
            return;
        }
        paused = true;
        try {
            protocol.pauseWriting();
        } catch (Throwable t) {
            TransportSupport.report(loop, t, "protocol.pauseWriting() failed", transport, protocol);
        }
    }

    /**
     * Resumes the protocol if it is paused and {@code buffered} is at or below the low mark.
     *
     * @param buffered the bytes buffered now
     * @param protocol the transport's protocol
     */
    public void shrank(long buffered, BaseProtocol protocol) {
        if (!paused || buffered > low) {
            return;
        }
        paused = false;
        try {
            protocol.resumeWriting();
        } catch (Throwable t) {
            TransportSupport.report(loop, t, "protocol.resumeWriting() failed", transport, protocol);
        }
    }
}
