package io.jasyncio.internal.process;

import io.jasyncio.EventLoop;
import io.jasyncio.internal.net.TransportSupport;
import io.jasyncio.net.BaseProtocol;
import io.jasyncio.net.Transport;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * A child's stdin: CPython's write-pipe transport, under a {@code StreamWriter}. Writes are copied
 * into a queue that a pump thread writes to the blocking {@link OutputStream} (and flushes), in
 * order; the loop learns of each chunk written through {@code callSoonThreadsafe}, which is when
 * its bytes leave the write buffer. Flow control as a socket's: {@code pauseWriting} above the
 * high-water mark (64 KiB), {@code resumeWriting} at the low one (16 KiB), so
 * {@code StreamWriter.drain()} suspends while the child does not read. {@link #close()} (and
 * {@link #writeEof()}, the same for a pipe) sends the queued bytes, then closes the pipe: the child
 * reads end of file. A write error (the child closed its stdin or exited) ends the transport with
 * an {@link IOException} that {@code drain()} raises; later writes are dropped, as on a socket.
 *
 * <p>Threads: the transport methods are loop context only; the pump thread takes chunks from the
 * queue under {@code lock} and posts everything else to the loop. It is not a reading transport:
 * the read-side methods do nothing.
 */
public final class PipeWriter implements Transport {

    private final EventLoop loop;
    private final OutputStream out;
    private final String name;
    private BaseProtocol protocol;
    // Loop context.
    private long buffered;
    private int highWater = DEFAULT_HIGH_WATER;
    private int lowWater = DEFAULT_HIGH_WATER / 4;
    private boolean protocolPaused;
    private boolean closing;
    private boolean lost;
    private int writesAfterClose;
    // Shared with the pump thread, under lock.
    private final Object lock = new Object();
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private boolean closeRequested;
    private boolean aborted;
    private boolean pumping;

    /**
     * @param loop the loop
     * @param out the child's stdin stream
     * @param protocol receives {@code connectionMade} now (and the flow-control calls,
     *     {@code connectionLost} at the end)
     * @param name what the pipe is, for messages ({@code "stdin of process 42"})
     */
    public PipeWriter(EventLoop loop, OutputStream out, BaseProtocol protocol, String name) {
        this.loop = loop;
        this.out = out;
        this.name = name;
        this.protocol = protocol;
        protocol.connectionMade(this);
    }

    // ---------------------------------------------------------------- pump thread

    private void pump() {
        while (true) {
            byte[] chunk;
            boolean close;
            synchronized (lock) {
                chunk = aborted ? null : queue.pollFirst();
                close = chunk == null && (closeRequested || aborted);
                if (chunk == null && !close) {
                    pumping = false;
                    return;
                }
            }
            try {
                if (close) {
                    out.close();
                    ProcessThreads.post(loop, () -> lose(null));
                    return;
                }
                out.write(chunk);
                out.flush();
            } catch (IOException e) {
                synchronized (lock) {
                    queue.clear();
                    pumping = false;
                }
                try {
                    out.close();
                } catch (IOException ignored) {
                    // broken anyway
                }
                IOException broken = new IOException("Broken pipe: writing to the " + name
                        + " failed (the process exited or closed its stdin): " + e.getMessage(), e);
                ProcessThreads.post(loop, () -> lose(broken));
                return;
            }
            int n = chunk.length;
            ProcessThreads.post(loop, () -> written(n));
        }
    }

    /** Hands work to the pump thread, starting one if none runs. */
    private void kick() {
        boolean start;
        synchronized (lock) {
            start = !pumping;
            pumping = true;
        }
        if (start) {
            ProcessThreads.execute(this::pump);
        }
    }

    // ---------------------------------------------------------------- loop side

    private void written(int n) {
        if (lost) {
            return;
        }
        buffered -= n;
        if (protocolPaused && buffered <= lowWater) {
            protocolPaused = false;
            protocol.resumeWriting();
        }
    }

    private void lose(IOException e) {
        if (lost) {
            return;
        }
        lost = true;
        closing = true;
        buffered = 0;
        protocol.connectionLost(e);
    }

    /**
     * The process has exited: with nothing queued, the pipe ends quietly now (as CPython's, when
     * the reading end closes); otherwise the pump's next write fails and reports it.
     */
    public void processExited() {
        if (!lost && buffered == 0) {
            close();
        }
    }

    @Override
    public void write(ByteBuffer data) {
        if (!data.hasRemaining()) {
            return;
        }
        if (closing || lost) {
            if (++writesAfterClose >= 5) {
                System.getLogger("io.jasyncio.subprocess").log(System.Logger.Level.WARNING,
                        "write() on the closed " + name + ": " + data.remaining() + " bytes dropped");
            }
            data.position(data.limit());
            return;
        }
        byte[] copy = new byte[data.remaining()];
        data.get(copy);
        synchronized (lock) {
            queue.addLast(copy);
        }
        buffered += copy.length;
        kick();
        if (!protocolPaused && buffered > highWater) {
            protocolPaused = true;
            protocol.pauseWriting();
        }
    }

    @Override
    public void writeEof() {
        close();
    }

    @Override
    public boolean canWriteEof() {
        return true;
    }

    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        synchronized (lock) {
            closeRequested = true;
        }
        kick();
    }

    /** Drops what is queued and ends at once; the pump closes the pipe once its current write returns. */
    @Override
    public void abort() {
        closing = true;
        synchronized (lock) {
            aborted = true;
            queue.clear();
        }
        kick();
        loop.callSoon(() -> lose(null));
    }

    @Override
    public void setWriteBufferLimits(int high, int low) {
        TransportSupport.checkWriteBufferLimits(high, low);
        highWater = high;
        lowWater = low;
    }

    @Override
    public int[] getWriteBufferLimits() {
        return new int[] {lowWater, highWater};
    }

    @Override
    public long getWriteBufferSize() {
        return buffered;
    }

    @Override
    public boolean isClosing() {
        return closing;
    }

    @Override
    public boolean isReading() {
        return false;
    }

    @Override
    public void pauseReading() {
    }

    @Override
    public void resumeReading() {
    }

    @Override
    public Object getExtraInfo(String key, Object defaultValue) {
        return "pipe".equals(key) ? out : defaultValue;
    }

    @Override
    public void setProtocol(BaseProtocol protocol) {
        this.protocol = protocol;
    }

    @Override
    public BaseProtocol getProtocol() {
        return protocol;
    }

    @Override
    public String toString() {
        return "<PipeWriter " + name + (lost ? " closed" : closing ? " closing" : "") + " bufsize=" + buffered + ">";
    }
}
