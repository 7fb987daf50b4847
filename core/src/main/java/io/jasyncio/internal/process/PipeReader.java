package io.jasyncio.internal.process;

import io.jasyncio.EventLoop;
import io.jasyncio.net.BaseProtocol;
import io.jasyncio.net.ReadTransport;
import io.jasyncio.net.StreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A child's stdout or stderr, read into a {@link StreamReader}: CPython's read-pipe transport. A
 * pump thread reads the blocking {@link InputStream} in chunks of up to 64 KiB and hands each to
 * the loop; the reader pauses this transport when it holds more than twice its limit, and then the
 * pump stops reading (so the pipe fills and the child's writes block: back-pressure), as it does
 * while two chunks are already on their way to the loop. The reader thus never holds more than
 * twice its limit plus three chunks (the one that crossed the mark and two in flight). At the end
 * of the stream the reader gets its EOF; a read error is set on the reader.
 *
 * <p>Threads: the transport methods are loop context only; the pump thread touches only the gate
 * (under {@code lock}) and posts everything else to the loop.
 */
public final class PipeReader implements ReadTransport {

    private static final int CHUNK = 64 * 1024;
    private static final int MAX_IN_FLIGHT = 2;

    private final EventLoop loop;
    private final InputStream in;
    private final StreamReader reader;
    private final String name;
    // Loop context.
    private boolean paused;
    private boolean closing;
    private boolean ended;
    // Shared with the pump thread, under lock.
    private final Object lock = new Object();
    private boolean gatePaused;
    private boolean gateClosed;
    private int inFlight;

    /**
     * Connects the reader to this transport and starts pumping.
     *
     * @param loop the loop the reader belongs to
     * @param in the child's output stream
     * @param reader the reader to feed
     * @param name what the pipe is, for messages ({@code "stdout of process 42"})
     */
    public PipeReader(EventLoop loop, InputStream in, StreamReader reader, String name) {
        this.loop = loop;
        this.in = in;
        this.reader = reader;
        this.name = name;
        reader.setTransport(this);
        ProcessThreads.execute(this::pump);
    }

    // ---------------------------------------------------------------- pump thread

    private void pump() {
        byte[] buf = new byte[CHUNK];
        try {
            while (true) {
                synchronized (lock) {
                    while (!gateClosed && (gatePaused || inFlight >= MAX_IN_FLIGHT)) {
                        lock.wait();
                    }
                    if (gateClosed) {
                        return;
                    }
                    inFlight++;
                }
                int n = in.read(buf);
                if (n < 0) {
                    ProcessThreads.post(loop, () -> end(null));
                    return;
                }
                byte[] chunk = Arrays.copyOf(buf, n);
                if (!ProcessThreads.post(loop, () -> data(chunk))) {
                    return;
                }
            }
        } catch (IOException e) {
            ProcessThreads.post(loop, () -> end(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------- loop side

    private void data(byte[] chunk) {
        synchronized (lock) {
            inFlight--;
            lock.notifyAll();
        }
        if (!ended) {
            reader.feedData(chunk);
        }
    }

    private void end(IOException error) {
        if (ended) {
            return;
        }
        ended = true;
        if (error == null || closing) {
            reader.feedEof();
        } else {
            IOException e = new IOException("reading the " + name + " failed: " + error.getMessage(), error);
            reader.setException(e);
        }
    }

    @Override
    public boolean isReading() {
        return !paused && !closing;
    }

    @Override
    public void pauseReading() {
        if (paused || closing) {
            return;
        }
        paused = true;
        synchronized (lock) {
            gatePaused = true;
        }
    }

    @Override
    public void resumeReading() {
        if (!paused || closing) {
            return;
        }
        paused = false;
        synchronized (lock) {
            gatePaused = false;
            lock.notifyAll();
        }
    }

    @Override
    public boolean isClosing() {
        return closing;
    }

    /** Stops reading and closes the pipe; the reader gets its end of file now. */
    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        synchronized (lock) {
            gateClosed = true;
            lock.notifyAll();
        }
        try {
            in.close(); // does not wait for a read in progress on the pump thread
        } catch (IOException ignored) {
            // closing anyway
        }
        end(null);
    }

    @Override
    public Object getExtraInfo(String name, Object defaultValue) {
        return "pipe".equals(name) ? in : defaultValue;
    }

    @Override
    public void setProtocol(BaseProtocol protocol) {
        throw new UnsupportedOperationException("a subprocess pipe feeds its StreamReader directly");
    }

    @Override
    public BaseProtocol getProtocol() {
        return null;
    }

    @Override
    public String toString() {
        return "<PipeReader " + name + (ended ? " ended" : closing ? " closing" : paused ? " paused" : "") + ">";
    }
}
