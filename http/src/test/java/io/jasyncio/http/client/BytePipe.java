package io.jasyncio.http.client;

import io.jasyncio.Asyncio;
import io.jasyncio.CancelledError;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import java.io.IOException;
import java.util.ArrayDeque;

/** Test harness: one direction of an in-memory connection; loop-confined; reads are cancel-safe. */
final class BytePipe {

    private final EventLoop loop;
    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    private boolean eof;
    private IOException error;
    private Future<Void> waiter;

    BytePipe(EventLoop loop) {
        this.loop = loop;
    }

    void write(byte[] data) {
        if (!eof && data.length > 0) {
            chunks.addLast(data);
            wake();
        }
    }

    void close() {
        eof = true;
        wake();
    }

    void fail(IOException e) {
        error = e;
        wake();
    }

    boolean closed() {
        return eof;
    }

    boolean failed() {
        return error != null;
    }

    int available() {
        int n = 0;
        for (byte[] c : chunks) {
            n += c.length;
        }
        return n;
    }

    private void wake() {
        Future<Void> w = waiter;
        waiter = null;
        if (w != null && !w.done()) {
            w.setResult(null);
        }
    }

    byte[] read(int max) throws IOException {
        while (chunks.isEmpty()) {
            if (error != null) {
                throw error;
            }
            if (eof) {
                return new byte[0];
            }
            waiter = loop.createFuture();
            try {
                Asyncio.await(waiter);
            } catch (CancelledError | IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e);
            }
        }
        byte[] c = chunks.pollFirst();
        if (c.length <= max) {
            return c;
        }
        byte[] head = java.util.Arrays.copyOf(c, max);
        chunks.addFirst(java.util.Arrays.copyOfRange(c, max, c.length));
        return head;
    }
}
